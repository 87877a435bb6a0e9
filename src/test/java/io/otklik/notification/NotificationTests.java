package io.otklik.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.channel.DeliveryState;
import io.otklik.channel.email.SandboxMail;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.CustomerAccounts;
import io.otklik.identity.Role;
import io.otklik.sla.PromisedAnswers;
import io.otklik.ticket.CustomerTickets;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.Delivery;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What customers and agents receive, checked in the sandbox mail server: acknowledgement with number and promised
 * time in the customer's language, replies, "waiting for you", "solved — please confirm", "closed — thank you",
 * agents' notices, and the guards against loops and floods.
 */
@SpringBootTest
class NotificationTests extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired TicketIntake intake;
    @Autowired TicketQueries tickets;
    @Autowired TicketUpdates updates;
    @Autowired Conversations conversations;
    @Autowired CustomerTickets customerTickets;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerAccounts customerAccounts;
    @Autowired AgentDirectory agents;
    @Autowired PromisedAnswers promises;
    @Autowired NotificationHistory history;
    @Autowired SandboxMailServer sandbox;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void acknowledgesInRussianWithTheNumberAndTheTimeWeWillAnswerBy() {
        String email = "anna-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, "Не приходит счёт", Priority.HIGH);
        String reference = tickets.details(ticket).reference();

        SandboxMail ack = mailTo(email, "Мы получили ваше обращение");
        String answerBy = AnswerTime.format(promises.firstAnswerBy(ticket), clock.instant(), ZoneId.of("Europe/Moscow"),
                Locale.of("ru"));
        assertThat(ack.subject()).isEqualTo("[" + reference + "] Мы получили ваше обращение: Не приходит счёт");
        String text = text(ack);
        assertThat(text).contains("присвоили ему номер " + reference)
                .contains("Мы ответим вам до " + answerBy + ".")
                .containsPattern("/portal/link/[\\w-]+\\?next=%2Fportal%2Ftickets%2F" + ticket.value());
        assertThat(answerBy).matches("(сегодня|завтра|\\d{1,2} [а-я]+), \\d{2}:\\d{2} \\(UTC\\+3\\)");
        await().atMost(WAIT).untilAsserted(() -> assertThat(history.of(ticket))
                .anySatisfy(notice -> {
                    assertThat(notice.kind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
                    assertThat(notice.recipient()).isEqualTo(email);
                    assertThat(notice.delivery()).isEqualTo(DeliveryState.SENT);
                }));
    }

    @Test
    void aTicketSolvedLongBeforeItClosesGetsNoClosedMail() {
        String recentEmail = "recent-" + TestStaff.unique() + "@client.test";
        String oldEmail = "old-" + TestStaff.unique() + "@client.test";
        TicketId recent = open(recentEmail, "Свежее решение", Priority.LOW);
        TicketId old = open(oldEmail, "Давнее решение", Priority.LOW);
        String agent = TestStaff.add(agents, Role.AGENT);
        change(agent, recent, Status.SOLVED);
        change(agent, old, Status.SOLVED);
        // Solved two months ago and never closed: old data, or the closing job switched on late.
        jdbc.sql("update ticket set solved_at = :at where id = :id")
                .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(60))))
                .param("id", old.value()).update();

        change(agent, recent, Status.CLOSED);
        change(agent, old, Status.CLOSED);

        mailTo(recentEmail, "Обращение закрыто");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(oldEmail).stream().noneMatch(m -> m.subject().contains("закрыто")));
    }

    @Test
    void acknowledgesInTheLanguageTheCustomerChose() {
        String email = "john-" + TestStaff.unique() + "@client.test";
        CustomerId customer = customers.register(new NewCustomer("John Smith", email, null, null));
        customerAccounts.changeLanguage(customer.value(), Locale.ENGLISH);
        TicketId ticket = intake.open(new NewTicket("VPN is down", "Since the morning.", customer, Channel.API,
                Priority.CRITICAL, null, null, null, Set.of(), List.of()));

        SandboxMail ack = mailTo(email, "We have received your request");
        String answerBy = AnswerTime.format(promises.firstAnswerBy(ticket), clock.instant(), ZoneId.of("Europe/Moscow"),
                Locale.ENGLISH);
        assertThat(text(ack)).startsWith("Hello John Smith,").contains("We will answer you by " + answerBy + ".");
    }

    @Test
    void sendsTheAgentsReplyAsTextAndRecordsItsDelivery() {
        String email = "boris-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, "Ошибка в отчёте", Priority.MEDIUM);
        mailTo(email, "Мы получили ваше обращение");
        String agent = TestStaff.add(agents, Role.AGENT);

        long reply = as(agent, () -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY,
                "Борис, исправили.\n<script>alert('x')</script> — это был <b>баг</b>.", List.of(), null)));

        SandboxMail mail = mailTo(email, "Ошибка в отчёте", m -> !m.subject().contains("получили"));
        assertThat(text(mail)).startsWith("Борис, исправили.\n<script>alert('x')</script> — это был <b>баг</b>.");
        String html = mail.read().html().toString();
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>баг")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        await().atMost(WAIT).untilAsserted(() -> assertThat(conversations.of(ticket).stream()
                .filter(m -> m.id() == reply).findFirst().orElseThrow().delivery()).isEqualTo(Delivery.SENT));
    }

    @Test
    void tellsTheCustomerWhenWeWaitWhenSolvedAndWhenClosed() {
        String email = "vera-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, "Не работает принтер", Priority.LOW);
        mailTo(email, "Мы получили ваше обращение");
        String agent = TestStaff.add(agents, Role.AGENT);

        change(agent, ticket, Status.PENDING);
        assertThat(text(mailTo(email, "Ждём вашего ответа"))).contains("нам нужен ваш ответ");
        change(agent, ticket, Status.SOLVED);
        String solved = text(mailTo(email, "Обращение решено — подтвердите, пожалуйста"));
        assertThat(solved).containsPattern("next=%2Fportal%2Ftickets%2F" + ticket.value() + "%3Faction%3Dconfirm")
                .containsPattern("next=%2Fportal%2Ftickets%2F" + ticket.value() + "%3Faction%3Dreopen");
        change(agent, ticket, Status.CLOSED);
        assertThat(text(mailTo(email, "Обращение закрыто"))).contains("Спасибо, что обратились к нам!");
    }

    @Test
    void aReplyWithStatusPendingSendsOneMailNotTwo() {
        String email = "gleb-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, "Доступ к папке", Priority.MEDIUM);
        mailTo(email, "Мы получили ваше обращение");
        String agent = TestStaff.add(agents, Role.AGENT);

        as(agent, () -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY,
                "Уточните, пожалуйста, путь к папке.", List.of(), Status.PENDING)));

        mailTo(email, "Доступ к папке", m -> !m.subject().contains("получили"));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> mailsTo(email).size() == 2);
        assertThat(mailsTo(email)).noneMatch(m -> m.subject().contains("Ждём вашего ответа"));
    }

    @Test
    void neverWritesToSystemSendersOrOurOwnAddress() {
        String daemon = "mailer-daemon@" + TestStaff.unique() + ".client.test";
        TicketId fromDaemon = open(daemon, "Undelivered Mail Returned to Sender", Priority.MEDIUM);
        TicketId fromNoReply = open("no-reply@" + TestStaff.unique() + ".client.test", "Ваш заказ", Priority.MEDIUM);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(history.of(fromDaemon)).extracting(NotificationView::suppressed).containsExactly("system-sender");
            assertThat(history.of(fromNoReply)).extracting(NotificationView::suppressed).containsExactly("system-sender");
        });
        assertThat(mailsTo(daemon)).isEmpty();
    }

    @Test
    void acknowledgesAtMostTheConfiguredNumberAnHour() {
        String email = "flood-" + TestStaff.unique() + "@client.test";
        for (int i = 1; i <= 7; i++) {
            open(email, "Письмо номер " + i, Priority.MEDIUM);
        }

        CustomerId customer = customers.findByEmail(email).orElseThrow();
        List<TicketId> opened = tickets.find(io.otklik.ticket.TicketFilter.all().withRequester(customer),
                io.otklik.ticket.TicketSort.CREATED_DESC, 0, 10).items().stream().map(t -> t.id()).toList();
        assertThat(opened).hasSize(7);
        await().atMost(WAIT).until(() -> opened.stream().allMatch(t -> history.of(t).size() == 1));
        assertThat(opened.stream().map(t -> history.of(t).getFirst().suppressed()))
                .filteredOn(java.util.Objects::nonNull).containsExactly("too-many", "too-many");
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> mailsTo(email).size() == 5);
    }

    @Test
    void tellsAnAgentOfAssignmentCustomerReplyAndMention() {
        String email = "olga-" + TestStaff.unique() + "@client.test";
        TicketId ticket = open(email, "Сломалась интеграция", Priority.HIGH);
        String assignee = TestStaff.add(agents, Role.AGENT);
        String colleague = TestStaff.add(agents, Role.AGENT);
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        AgentId assigneeId = agentIdOf(assignee);

        as(supervisor, () -> updates.change(ticket, TicketChanges.none().withAssignee(assigneeId), null));
        assertThat(text(mailTo(assignee, "Вам назначено обращение"))).contains("Назначил(а): Test supervisor");

        customerTickets.reply(ticket, customers.findByEmail(email).orElseThrow(), "Добавляю логи: ошибка 500.",
                List.of(), Channel.PORTAL);
        assertThat(text(mailTo(assignee, "Клиент ответил"))).contains("Добавляю логи: ошибка 500.");

        String handle = colleague.substring(0, colleague.indexOf('@'));
        as(assignee, () -> conversations.add(ticket, new NewMessage(MessageKind.INTERNAL_NOTE,
                "@" + handle, List.of(), null)));
        assertThat(text(mailTo(colleague, "Вас упомянули"))).contains("@" + handle);
    }

    private TicketId open(String email, String subject, Priority priority) {
        return intake.open(new NewTicket(subject, "Описание: " + subject, null, Channel.EMAIL, priority, null, null,
                null, Set.of(), List.of()), new NewCustomer("Клиент " + email.substring(0, 4), email, null, null));
    }

    private void change(String agent, TicketId ticket, Status status) {
        as(agent, () -> updates.change(ticket, TicketChanges.none().withStatus(status), null));
    }

    private AgentId agentIdOf(String login) {
        return agents.agents().stream().filter(a -> a.email().equals(login)).findFirst().orElseThrow().id();
    }

    private List<SandboxMail> mailsTo(String address) {
        return sandbox.mails().stream().filter(m -> m.envelopeTo().contains(address)).toList();
    }

    private SandboxMail mailTo(String address, String subjectPart) {
        return mailTo(address, subjectPart, m -> true);
    }

    private SandboxMail mailTo(String address, String subjectPart, java.util.function.Predicate<SandboxMail> also) {
        await().atMost(WAIT).until(() -> mailsTo(address).stream()
                .anyMatch(m -> m.subject().contains(subjectPart) && also.test(m)));
        return mailsTo(address).stream().filter(m -> m.subject().contains(subjectPart) && also.test(m)).findFirst()
                .orElseThrow();
    }

    private static String text(SandboxMail mail) {
        return mail.read().text().toString().replace("\r\n", "\n");
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
