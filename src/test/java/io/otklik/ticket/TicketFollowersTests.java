package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.shared.RuleViolationException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Following a ticket as the email intake and agents do it: harmless to repeat, never the requester, each change a
 * line in the history, and inside the caller's transaction — opened ticket and followers commit or roll back
 * together.
 */
@SpringBootTest
@RecordApplicationEvents
class TicketFollowersTests extends PostgresTest {

    @Autowired TicketIntake intake;
    @Autowired TicketFollowers followers;
    @Autowired TicketQueries tickets;
    @Autowired CustomerDirectory customers;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void followingTwiceIsOnceAndTheRequesterIsNeverTheirOwnFollower() {
        String unique = TestStaff.unique();
        CustomerId requester = customer("Анна", "anna-" + unique + "@client.test");
        CustomerId ivan = customer("Иван Петров", "ivan-" + unique + "@client.test");
        TicketId ticket = open(requester, "Счёт " + unique);

        followers.follow(ticket, ivan, FollowSource.EMAIL_CC);
        followers.follow(ticket, ivan, FollowSource.REPLY);
        followers.follow(ticket, requester, FollowSource.EMAIL_CC);

        assertThat(followers.followers(ticket)).containsExactly(ivan);
        assertThat(followers.follows(ticket, ivan)).isTrue();
        assertThat(followers.follows(ticket, requester)).isFalse();
        assertThat(followers.list(ticket)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("Иван Петров");
            assertThat(f.email()).isEqualTo("ivan-" + unique + "@client.test");
            assertThat(f.source()).isEqualTo(FollowSource.EMAIL_CC);
        });
        assertThat(followerLines(ticket)).containsExactly(
                "Otklik follower-email-cc: null → Иван Петров <ivan-" + unique + "@client.test>");
        assertThat(events.stream(FollowerAdded.class)).filteredOn(e -> e.ticket().equals(ticket)).singleElement()
                .satisfies(e -> assertThat(e.customer()).isEqualTo(ivan));
    }

    @Test
    void unfollowingEndsItOnceAndIsHarmlessForSomeoneWhoDidNotFollow() {
        String unique = TestStaff.unique();
        CustomerId requester = customer("Борис", "boris-" + unique + "@client.test");
        CustomerId olga = customer("Ольга", "olga-" + unique + "@client.test");
        TicketId ticket = open(requester, "Доступ " + unique);
        followers.follow(ticket, olga, FollowSource.EMAIL_CC);

        followers.unfollow(ticket, olga);
        followers.unfollow(ticket, olga);
        followers.unfollow(ticket, requester);

        assertThat(followers.followers(ticket)).isEmpty();
        assertThat(followerLines(ticket)).containsExactly(
                "Otklik follower-email-cc: null → Ольга <olga-" + unique + "@client.test>",
                "Otklik follower-removed: Ольга <olga-" + unique + "@client.test> → null");
        assertThat(events.stream(FollowerRemoved.class)).filteredOn(e -> e.ticket().equals(ticket)).hasSize(1);
    }

    @Test
    void theIntakeOpensATicketAndItsFollowersInOneTransaction() {
        String unique = TestStaff.unique();
        String cc = "cc-" + unique + "@client.test";

        TicketId kept = transactions.execute(status -> {
            TicketId ticket = intake.open(newTicket("Письмо с копией " + unique),
                    new NewCustomer("Отправитель", "from-" + unique + "@client.test", null, null));
            followers.follow(ticket, customers.findOrRegister(new NewCustomer(null, cc, null, null)),
                    FollowSource.EMAIL_CC);
            return ticket;
        });
        assertThat(followers.list(kept)).extracting(FollowerView::email).containsExactly(cc);

        String lostCc = "lost-" + unique + "@client.test";
        TicketId lost = transactions.execute(status -> {
            TicketId ticket = intake.open(newTicket("Потерянное письмо " + unique),
                    new NewCustomer("Отправитель", "from2-" + unique + "@client.test", null, null));
            followers.follow(ticket, customers.findOrRegister(new NewCustomer(null, lostCc, null, null)),
                    FollowSource.EMAIL_CC);
            status.setRollbackOnly();
            return ticket;
        });
        assertThat(jdbc.sql("select count(*) from ticket where id = :id").param("id", lost.value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from ticket_follower where ticket_id = :id").param("id", lost.value())
                .query(Long.class).single()).isZero();
        assertThat(customers.findByEmail(lostCc)).isEmpty();
    }

    @Test
    void anAgentsAddingIsRefusedReadablyForABadAddressTheRequesterOrAClosedTicket() {
        String unique = TestStaff.unique();
        CustomerId requester = customer("Вера", "vera-" + unique + "@client.test");
        TicketId ticket = open(requester, "Принтер " + unique);

        assertThatThrownBy(() -> followers.add(ticket, null, "не адрес"))
                .isInstanceOf(RuleViolationException.class).hasMessage("customer.contact.invalid.email");
        assertThatThrownBy(() -> followers.add(ticket, null, "  "))
                .isInstanceOf(RuleViolationException.class).hasMessage("customer.contact.required");
        assertThatThrownBy(() -> followers.add(ticket, null, "VERA-" + unique + "@client.test"))
                .isInstanceOf(RuleViolationException.class).hasMessage("ticket.follower.requester");
        assertThatThrownBy(() -> followers.add(ticket, requester))
                .isInstanceOf(RuleViolationException.class).hasMessage("ticket.follower.requester");

        CustomerId named = followers.add(ticket, null, "\"Пётр Сидоров\" <Petr-" + unique + "@Client.test>");
        assertThat(followers.list(ticket)).singleElement().satisfies(f -> {
            assertThat(f.customer()).isEqualTo(named);
            assertThat(f.name()).isEqualTo("Пётр Сидоров");
            assertThat(f.email()).isEqualTo("petr-" + unique + "@client.test");
            assertThat(f.source()).isEqualTo(FollowSource.AGENT);
        });

        jdbc.sql("update ticket set status = 'CLOSED' where id = :id").param("id", ticket.value()).update();
        assertThatThrownBy(() -> followers.add(ticket, null, "late-" + unique + "@client.test"))
                .isInstanceOf(RuleViolationException.class).hasMessage("ticket.closed");
        assertThat(customers.findByEmail("late-" + unique + "@client.test")).isEmpty();
        assertThat(followers.followers(ticket)).containsExactly(named);
    }

    private List<String> followerLines(TicketId ticket) {
        return tickets.history(ticket).stream().filter(h -> h.field().startsWith("follower-"))
                .map(h -> h.actor().name() + " " + h.field() + ": " + h.oldValue() + " → " + h.newValue()).toList();
    }

    private CustomerId customer(String name, String email) {
        return customers.register(new NewCustomer(name, email, null, null));
    }

    private TicketId open(CustomerId requester, String subject) {
        return intake.open(new NewTicket(subject, "Описание: " + subject, requester, Channel.EMAIL, Priority.MEDIUM,
                null, null, null, Set.of(), List.of()));
    }

    private static NewTicket newTicket(String subject) {
        return new NewTicket(subject, "Описание: " + subject, null, Channel.EMAIL, Priority.MEDIUM, null, null, null,
                Set.of(), List.of());
    }
}
