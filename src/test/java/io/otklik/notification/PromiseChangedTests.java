package io.otklik.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestServiceLevels;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.channel.email.SandboxMail;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.customer.NewCustomer;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.NextDue;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The customer hears of the time we promised to answer by: the acknowledgement says the first response clock's due
 * time, and when that time moves by more than a few minutes (priority raised, another policy) they get one mail with
 * the new time; a small move, or a recompute that moves nothing, sends nothing. Tickets are counted round the clock
 * ({@link TestServiceLevels}).
 */
@SpringBootTest
class PromiseChangedTests extends PostgresTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Locale RUSSIAN = Locale.of("ru");

    @Autowired TicketIntake intake;
    @Autowired TicketQueries tickets;
    @Autowired TicketUpdates updates;
    @Autowired AgentDirectory agents;
    @Autowired NotificationHistory history;
    @Autowired SandboxMailServer sandbox;
    @Autowired Categories categories;
    @Autowired CalendarAdministration calendars;
    @Autowired SlaPolicyAdministration policies;
    @Autowired Clock clock;

    TestServiceLevels levels;

    @BeforeEach
    void serviceLevels() {
        levels = TestServiceLevels.roundTheClock(categories, calendars, policies);
    }

    @AfterEach
    void removeServiceLevels() {
        levels.close();
    }

    @Test
    void theAcknowledgementPromisesTheFirstResponseClocksDueTime() {
        String email = "lena-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, Priority.LOW, levels.category());

        Instant due = awaitKept(ticket).at();
        TicketDetails details = TestStaff.asAdmin(() -> tickets.details(ticket));
        // The policy of the ticket's category, round the clock: not the default policy's office hours
        assertThat(due).isEqualTo(details.createdAt().plus(TestServiceLevels.firstResponse(Priority.LOW)));
        assertThat(text(mailTo(email, "Мы получили ваше обращение")))
                .contains("Мы ответим вам до " + AnswerTime.format(due, clock.instant(), MOSCOW, RUSSIAN) + ".");
    }

    @Test
    void aRaisedPriorityTellsTheCustomerTheNewTimeOnce() {
        String email = "oleg-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, Priority.LOW, levels.category());
        Instant before = awaitKept(ticket).at();
        mailTo(email, "Мы получили ваше обращение");

        TestStaff.asAdmin(() -> updates.change(ticket, TicketChanges.none().withPriority(Priority.CRITICAL), null));

        SandboxMail mail = mailTo(email, "Новый срок ответа");
        Instant after = awaitKept(ticket).at();
        assertThat(after).isEqualTo(before.minus(TestServiceLevels.firstResponse(Priority.LOW))
                .plus(TestServiceLevels.firstResponse(Priority.CRITICAL)));
        String reference = TestStaff.asAdmin(() -> tickets.details(ticket)).reference();
        assertThat(mail.subject()).startsWith("[" + reference + "] Новый срок ответа: ");
        assertThat(text(mail)).contains("Теперь мы ответим вам до "
                + AnswerTime.format(after, clock.instant(), MOSCOW, RUSSIAN) + " (раньше обещали до "
                + AnswerTime.format(before, clock.instant(), MOSCOW, RUSSIAN) + ").");
        assertThat(promiseNotices(ticket)).hasSize(1);

        // Another team: the clocks are recomputed, the promise stays where it is
        TeamId team = TestStaff.asAdmin(() -> agents.createTeam("Касса " + TestStaff.unique(), SupportLine.L1));
        TestStaff.asAdmin(() -> updates.change(ticket, TicketChanges.none().withTeam(team), null));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> promiseNotices(ticket).size() == 1
                && mailsTo(email).stream().filter(m -> m.subject().contains("Новый срок ответа")).count() == 1);
    }

    @Test
    void aMoveOfAFewMinutesIsNotWorthAMail() {
        long slower = levels.anotherCategory(categories, Duration.ofMinutes(3));
        String email = "ira-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, Priority.MEDIUM, levels.category());
        Instant before = awaitKept(ticket).at();
        mailTo(email, "Мы получили ваше обращение");

        TestStaff.asAdmin(() -> updates.change(ticket, TicketChanges.none().withCategory(slower), null));

        await().atMost(WAIT).until(() -> kept(ticket).at().equals(before.plus(Duration.ofMinutes(3))));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> promiseNotices(ticket).isEmpty()
                && mailsTo(email).stream().noneMatch(m -> m.subject().contains("Новый срок ответа")));
    }

    TicketId open(String email, Priority priority, long category) {
        return intake.open(new NewTicket("Не проходит оплата", "Оплата картой не проходит.", null, Channel.EMAIL,
                priority, category, null, null, Set.of(), List.of()), new NewCustomer("Клиент " + email.substring(0,
                4), email, null, null));
    }

    NextDue awaitKept(TicketId ticket) {
        await().atMost(WAIT).until(() -> kept(ticket) != null);
        return kept(ticket);
    }

    NextDue kept(TicketId ticket) {
        return TestStaff.asAdmin(() -> tickets.details(ticket)).nextDue();
    }

    List<NotificationView> promiseNotices(TicketId ticket) {
        return history.of(ticket).stream().filter(n -> n.kind() == NotificationKind.PROMISE_CHANGED).toList();
    }

    List<SandboxMail> mailsTo(String address) {
        return sandbox.mails().stream().filter(m -> m.envelopeTo().contains(address)).toList();
    }

    SandboxMail mailTo(String address, String subjectPart) {
        await().atMost(WAIT).until(() -> mailsTo(address).stream().anyMatch(m -> m.subject().contains(subjectPart)));
        return mailsTo(address).stream().filter(m -> m.subject().contains(subjectPart)).findFirst().orElseThrow();
    }

    static String text(SandboxMail mail) {
        return mail.read().text().toString().replace("\r\n", "\n");
    }
}
