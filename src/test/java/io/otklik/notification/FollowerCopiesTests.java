package io.otklik.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.DeliveryState;
import io.otklik.channel.email.SandboxMail;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.channel.email.SandboxMailboxes;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.FollowSource;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketFollowers;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketUpdates;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A ticket's followers get its public replies in copy, checked in the sandbox mail server and in the followers' own
 * mailboxes: one mail with the followers in Cc, never our own addresses or system senders, no link that signs the
 * requester in; the acknowledgement and the "solved" notice stay the requester's alone.
 */
@SpringBootTest
class FollowerCopiesTests extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired TicketIntake intake;
    @Autowired TicketFollowers followers;
    @Autowired Conversations conversations;
    @Autowired TicketUpdates updates;
    @Autowired CustomerDirectory customers;
    @Autowired AgentDirectory agents;
    @Autowired NotificationHistory history;
    @Autowired SandboxMailServer sandbox;
    @Autowired UserDetailsService users;
    @Value("${otklik.mail.sandbox.mailbox}") String supportMailbox;

    @Test
    void anAgentsReplyReachesTheRequesterWithTheFollowersInCopyOfOneMail() throws Exception {
        String unique = TestStaff.unique();
        String requester = "anna-" + unique + "@client.test";
        String ivan = "ivan-" + unique + "@client.test";
        String petr = "petr-" + unique + "@partner.test";
        String robot = "no-reply@" + unique + ".client.test";
        TicketId ticket = open(requester, "Не проходит оплата " + unique);
        String agent = TestStaff.add(agents, Role.AGENT);
        as(agent, () -> followers.add(ticket, null, "Иван Петров <" + ivan + ">"));
        followers.follow(ticket, customers.findOrRegister(new NewCustomer("Пётр", petr, null, null)),
                FollowSource.EMAIL_CC);
        followers.follow(ticket, customers.findOrRegister(new NewCustomer(null, supportMailbox, null, null)),
                FollowSource.EMAIL_CC);
        followers.follow(ticket, customers.findOrRegister(new NewCustomer(null, robot, null, null)),
                FollowSource.EMAIL_CC);
        assertThat(followers.followers(ticket)).hasSize(4);

        as(agent, () -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY,
                "Анна, оплата прошла, проверьте, пожалуйста.", List.of(), null)));

        SandboxMail reply = mailTo(requester, "Не проходит оплата " + unique, m -> !m.subject().contains("получили"));
        assertThat(reply.envelopeTo()).containsExactlyInAnyOrder(requester, ivan, petr);
        assertThat(sandbox.mails()).filteredOn(m -> reply.messageId().equals(m.messageId())).hasSize(1);
        assertThat(mailsTo(supportMailbox)).noneMatch(m -> m.subject().contains(unique));
        assertThat(mailsTo(robot)).isEmpty();
        String text = reply.read().textPart().replace("\r\n", "\n");
        assertThat(text).startsWith("Анна, оплата прошла, проверьте, пожалуйста.")
                .contains("/portal/tickets/" + ticket.value()).doesNotContain("/portal/link/");

        MimeMessage inIvansMailbox = fromMailbox(ivan, reply.messageId());
        assertThat(addresses(inIvansMailbox.getRecipients(Message.RecipientType.TO))).containsExactly(requester);
        assertThat(addresses(inIvansMailbox.getRecipients(Message.RecipientType.CC)))
                .containsExactlyInAnyOrder(ivan, petr);
        assertThat(fromMailbox(petr, reply.messageId()).getHeader("Cc")).isNotEmpty();

        await().atMost(WAIT).untilAsserted(() -> assertThat(history.of(ticket))
                .filteredOn(n -> n.kind() == NotificationKind.AGENT_REPLY).singleElement().satisfies(notice -> {
                    assertThat(notice.recipient()).isEqualTo(requester);
                    assertThat(notice.cc()).containsExactlyInAnyOrder(ivan, petr);
                    assertThat(notice.delivery()).isEqualTo(DeliveryState.SENT);
                }));
        assertThat(history.of(ticket)).filteredOn(n -> n.kind() == NotificationKind.ACKNOWLEDGEMENT)
                .singleElement().satisfies(ack -> assertThat(ack.cc()).isEmpty());
        assertThat(mailsTo(requester)).filteredOn(m -> m.subject().contains("получили"))
                .singleElement().satisfies(ack -> assertThat(ack.envelopeTo()).containsExactly(requester));
    }

    @Test
    void theSolvedNoticeAsksTheRequesterAloneAndAReplyWithoutFollowersKeepsItsSignInLink() {
        String unique = TestStaff.unique();
        String requester = "vera-" + unique + "@client.test";
        String colleague = "oleg-" + unique + "@client.test";
        TicketId ticket = open(requester, "Принтер " + unique);
        String agent = TestStaff.add(agents, Role.AGENT);

        as(agent, () -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY, "Первый ответ.",
                List.of(), null)));
        SandboxMail alone = mailTo(requester, "Принтер " + unique, m -> m.read().textPart().contains("Первый ответ"));
        assertThat(alone.envelopeTo()).containsExactly(requester);
        assertThat(alone.read().textPart()).contains("/portal/link/");

        as(agent, () -> followers.add(ticket, "Олег", colleague));
        as(agent, () -> updates.change(ticket, TicketChanges.none().withStatus(Status.SOLVED), null));

        SandboxMail solved = mailTo(requester, "Обращение решено");
        assertThat(solved.envelopeTo()).containsExactly(requester);
        assertThat(solved.read().headers()).noneMatch(h -> h.name().equalsIgnoreCase("Cc"));
        assertThat(mailsTo(colleague)).isEmpty();
    }

    @Test
    void whenTheRequesterHasNoEmailTheFollowersStillGetTheReply() {
        String unique = TestStaff.unique();
        String phone = "+7495" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000L));
        CustomerId caller = customers.findOrRegister(new NewCustomer("Звонивший " + unique, null, phone, null));
        TicketId ticket = intake.open(new NewTicket("Звонок " + unique, "Не работает касса.", caller, Channel.PHONE,
                Priority.MEDIUM, null, null, null, Set.of(), List.of()));
        String manager = "boss-" + unique + "@client.test";
        String agent = TestStaff.add(agents, Role.AGENT);
        as(agent, () -> followers.add(ticket, "Руководитель", manager));

        as(agent, () -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY, "Касса снова работает.",
                List.of(), null)));

        SandboxMail reply = mailTo(manager, "Звонок " + unique);
        assertThat(reply.envelopeTo()).containsExactly(manager);
        assertThat(reply.read().textPart()).doesNotContain("/portal/link/");
        await().atMost(WAIT).untilAsserted(() -> assertThat(history.of(ticket))
                .filteredOn(n -> n.kind() == NotificationKind.AGENT_REPLY).singleElement().satisfies(notice -> {
                    assertThat(notice.recipient()).isEqualTo(manager);
                    assertThat(notice.suppressed()).isNull();
                }));
    }

    private TicketId open(String email, String subject) {
        return intake.open(new NewTicket(subject, "Описание: " + subject, null, Channel.EMAIL, Priority.MEDIUM, null,
                null, null, Set.of(), List.of()), new NewCustomer("Клиент " + email.substring(0, 4), email, null, null));
    }

    private List<SandboxMail> mailsTo(String address) {
        return sandbox.mails().stream().filter(m -> m.envelopeTo().contains(address)).toList();
    }

    private SandboxMail mailTo(String address, String subjectPart) {
        return mailTo(address, subjectPart, m -> true);
    }

    private SandboxMail mailTo(String address, String subjectPart, Predicate<SandboxMail> also) {
        await().atMost(WAIT).until(() -> mailsTo(address).stream()
                .anyMatch(m -> m.subject().contains(subjectPart) && also.test(m)));
        return mailsTo(address).stream().filter(m -> m.subject().contains(subjectPart) && also.test(m)).findFirst()
                .orElseThrow();
    }

    /** The mail as the person's mail program reads it over IMAP (sandbox mailboxes: login = password = address). */
    private MimeMessage fromMailbox(String address, String messageId) throws Exception {
        return SandboxMailboxes.mail(sandbox, address, messageId);
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of()
                : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private <T> T as(String login, Supplier<T> work) {
        UserDetails details = users.loadUserByUsername(login);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void as(String login, Runnable work) {
        as(login, () -> {
            work.run();
            return null;
        });
    }
}
