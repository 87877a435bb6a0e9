package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.customer.OrganizationId;
import io.otklik.shared.LocalizedException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.PayloadTooLargeException;
import io.otklik.shared.RuleViolationException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The customer's side of tickets: what a customer sees (own tickets, their organization's when allowed, never
 * notes), what their replies do to the status, follow-ups of closed tickets, and what they cannot reach or send.
 */
@SpringBootTest
class CustomerTicketsTests extends PostgresTest {

    @Autowired CustomerTickets portal;
    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired TicketQueries queries;
    @Autowired Conversations conversations;
    @Autowired CustomerDirectory customers;
    @Autowired AgentDirectory agents;
    @Autowired Categories categories;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;

    private String unique;
    private OrganizationId organization;
    private CustomerId anna;
    private CustomerId boris;
    private CustomerId stranger;

    @BeforeEach
    void customers() {
        unique = TestStaff.unique();
        organization = TestStaff.asAdmin(() -> customers.createOrganization("Ромашка " + unique,
                "romashka-" + unique + ".example"));
        anna = customers.register(new NewCustomer("Анна " + unique, "anna@romashka-" + unique + ".example", null,
                null));
        boris = customers.register(new NewCustomer("Борис " + unique, "boris@romashka-" + unique + ".example", null,
                null));
        stranger = customers.register(new NewCustomer("Чужой " + unique, "other-" + unique + "@elsewhere.example",
                null, null));
    }

    @Test
    void listsTheCustomersOwnTicketsAndTheOrganizationsOnlyWhenAllowed() {
        TicketId annas = open(anna, "Принтер не печатает");
        TicketId boriss = open(boris, "Нет доступа к папке");
        open(stranger, "Чужая беда");

        assertThat(portal.list(CustomerScope.own(anna), 0, 20).items()).extracting(CustomerTicketSummary::id)
                .containsExactly(annas);
        assertThat(portal.list(CustomerScope.of(anna, false, organization), 0, 20).items())
                .extracting(CustomerTicketSummary::id).containsExactly(annas);
        var both = portal.list(CustomerScope.of(anna, true, organization), 0, 20);
        assertThat(both.items()).extracting(CustomerTicketSummary::id).containsExactly(boriss, annas);
        assertThat(both.items().getFirst().requesterName()).isEqualTo("Борис " + unique);
        assertThat(both.total()).isEqualTo(2);

        assertThat(portal.view(boriss, CustomerScope.of(anna, true, organization)).subject())
                .isEqualTo("Нет доступа к папке " + unique);
        assertThat(catchThrowableOfType(NotFoundException.class, () -> portal.view(boriss, CustomerScope.own(anna))))
                .isNotNull();
    }

    @Test
    void showsThePublicConversationWithItsFilesButNeverInternalNotes() {
        TicketId ticket = open(anna, "Не открывается отчёт");
        conversations.add(ticket, new NewMessage(MessageKind.INTERNAL_NOTE, "Клиент на старом тарифе, секрет",
                List.of(file("note.txt", "внутреннее")), null));
        conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY, "Попробуйте ещё раз, пожалуйста.",
                List.of(file("howto.txt", "инструкция")), Status.PENDING));

        CustomerTicketView view = portal.view(ticket, CustomerScope.own(anna));

        assertThat(view.messages()).extracting(MessageView::body).containsExactly(
                "Описание: Не открывается отчёт " + unique, "Попробуйте ещё раз, пожалуйста.");
        assertThat(view.messages()).noneMatch(MessageView::isNote);
        assertThat(view.messages().get(1).attachments()).extracting(AttachmentView::fileName)
                .containsExactly("howto.txt");
        assertThat(view.status()).isEqualTo(Status.PENDING);
    }

    @Test
    void aReplyToASolvedTicketReopensItAndComesFromThePortal() {
        TicketId ticket = open(anna, "Медленно работает почта");
        updates.change(ticket, TicketChanges.none().withStatus(Status.SOLVED), null);

        CustomerReply reply = portal.reply(ticket, CustomerScope.own(anna), "Всё ещё медленно.",
                List.of(file("screen.png", "png")), Channel.PORTAL);

        assertThat(reply.ticket()).isEqualTo(ticket);
        assertThat(reply.followUp()).isFalse();
        assertThat(queries.details(ticket).status()).isEqualTo(Status.OPEN);
        MessageView message = conversations.of(ticket).getLast();
        assertThat(message.id()).isEqualTo(reply.messageId());
        assertThat(message.body()).isEqualTo("Всё ещё медленно.");
        assertThat(message.channel()).isEqualTo(Channel.PORTAL);
        assertThat(message.author()).isEqualTo(Actor.customer(anna, "Анна " + unique));
        assertThat(message.attachments()).extracting(AttachmentView::fileName).containsExactly("screen.png");
        assertThat(queries.history(ticket)).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("status");
            assertThat(h.newValue()).isEqualTo("OPEN");
            assertThat(h.actor().type()).isEqualTo(Actor.Type.CUSTOMER);
        });
    }

    @Test
    void aReplyToAClosedTicketOpensANewTicketLinkedToTheOldOne() {
        long category = TestStaff.asAdmin(() -> categories.create("Почта " + unique));
        TeamId team = TestStaff.asAdmin(() -> agents.createTeam("Почтовики " + unique, SupportLine.L1));
        TicketId old = open(anna, "Не уходят письма");
        updates.change(old, TicketChanges.none().withCategory(category).withTeam(team).withStatus(Status.SOLVED),
                null);
        portal.confirmSolved(old, CustomerScope.own(anna));
        assertThat(queries.details(old).status()).isEqualTo(Status.CLOSED);

        CustomerReply reply = portal.reply(old, CustomerScope.own(anna), "Опять не уходят!", List.of(),
                Channel.PORTAL);

        assertThat(reply.followUp()).isTrue();
        assertThat(reply.ticket()).isNotEqualTo(old);
        TicketDetails followUp = queries.details(reply.ticket());
        assertThat(followUp.subject()).isEqualTo("Re: Не уходят письма " + unique);
        assertThat(followUp.requester().id()).isEqualTo(anna);
        assertThat(followUp.categoryId()).isEqualTo(category);
        assertThat(followUp.team()).isEqualTo(team);
        assertThat(followUp.channel()).isEqualTo(Channel.PORTAL);
        assertThat(followUp.status()).isEqualTo(Status.NEW);
        assertThat(conversations.of(reply.ticket())).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Опять не уходят!");
            assertThat(m.id()).isEqualTo(reply.messageId());
        });
        assertThat(conversations.of(old)).hasSize(1);
        assertThat(queries.details(old).status()).isEqualTo(Status.CLOSED);

        TicketDetails oldDetails = queries.details(old);
        assertThat(queries.history(old)).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("followed-up-by");
            assertThat(h.newValue()).isEqualTo(followUp.reference());
        });
        assertThat(queries.history(reply.ticket())).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("follow-up-of");
            assertThat(h.newValue()).isEqualTo(oldDetails.reference());
            assertThat(h.actor().type()).isEqualTo(Actor.Type.CUSTOMER);
        });
        assertThat(queries.overview(old, 5).links()).singleElement().satisfies(l -> {
            assertThat(l.ticket()).isEqualTo(reply.ticket());
            assertThat(l.relation()).isEqualTo(TicketLinkView.Relation.FOLLOWED_UP_BY);
        });
        assertThat(portal.view(reply.ticket(), CustomerScope.own(anna)).links()).singleElement().satisfies(l -> {
            assertThat(l.ticket()).isEqualTo(old);
            assertThat(l.reference()).isEqualTo(oldDetails.reference());
            assertThat(l.relation()).isEqualTo(TicketLinkView.Relation.FOLLOW_UP_OF);
        });

        CustomerReply again = portal.reply(old, CustomerScope.own(anna), "И снова!", List.of(), Channel.PORTAL);
        assertThat(queries.details(again.ticket()).subject()).isEqualTo("Re: Не уходят письма " + unique);
        assertThat(portal.view(old, CustomerScope.own(anna)).links()).hasSize(2);
    }

    @Test
    void confirmingTheSolutionClosesTheTicketAndReopeningOpensIt() {
        TicketId confirmed = open(anna, "Забыл пароль");
        updates.change(confirmed, TicketChanges.none().withStatus(Status.SOLVED), null);
        portal.confirmSolved(confirmed, CustomerScope.own(anna));
        portal.confirmSolved(confirmed, CustomerScope.own(anna));
        assertThat(queries.details(confirmed).status()).isEqualTo(Status.CLOSED);
        assertThat(queries.history(confirmed)).filteredOn(h -> "CLOSED".equals(h.newValue())).singleElement()
                .satisfies(h -> assertThat(h.actor()).isEqualTo(Actor.customer(anna, "Анна " + unique)));

        TicketId reopened = open(anna, "Не работает VPN");
        updates.change(reopened, TicketChanges.none().withStatus(Status.SOLVED), null);
        portal.reopen(reopened, CustomerScope.own(anna));
        assertThat(queries.details(reopened).status()).isEqualTo(Status.OPEN);

        TicketId open = open(anna, "Ещё не решено");
        RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                () -> portal.confirmSolved(open, CustomerScope.own(anna)));
        assertThat(refused.code()).isEqualTo("ticket.customer.not-solved");
        assertThat(queries.details(open).status()).isEqualTo(Status.NEW);
        RuleViolationException closed = catchThrowableOfType(RuleViolationException.class,
                () -> portal.reopen(confirmed, CustomerScope.own(anna)));
        assertThat(closed.code()).isEqualTo("ticket.customer.closed-write-again");
    }

    @Test
    void anotherCustomersTicketIsAnsweredExactlyLikeOneThatDoesNotExist() {
        TicketId foreign = open(stranger, "Секретный проект");
        updates.change(foreign, TicketChanges.none().withStatus(Status.SOLVED), null);
        long missing = foreign.value() + 1_000_000;
        CustomerScope annas = CustomerScope.own(anna);

        for (TicketId id : List.of(foreign, new TicketId(missing))) {
            assertNotFound(() -> portal.view(id, annas), "ticket.not-found", id.value());
            assertNotFound(() -> portal.reply(id, annas, "моё!", List.of(), Channel.PORTAL), "ticket.not-found",
                    id.value());
            assertNotFound(() -> portal.reply(id, anna, "моё!", List.of(), Channel.EMAIL), "ticket.not-found",
                    id.value());
            assertNotFound(() -> portal.confirmSolved(id, annas), "ticket.not-found", id.value());
            assertNotFound(() -> portal.reopen(id, annas), "ticket.not-found", id.value());
        }
        assertThat(queries.details(foreign).status()).isEqualTo(Status.SOLVED);
        assertThat(conversations.of(foreign)).hasSize(1);
    }

    @Test
    void filesOfNotesAndOfOtherCustomersAreNotFoundButTheirOwnAreThere() throws Exception {
        TicketId own = open(anna, "Вложения");
        conversations.add(own, new NewMessage(MessageKind.INTERNAL_NOTE, "лог сервера",
                List.of(file("server.log", "секрет")), null));
        portal.reply(own, CustomerScope.own(anna), "вот скриншот", List.of(file("mine.txt", "моё")), Channel.PORTAL);
        TicketId foreign = intake.open(new NewTicket("Чужие файлы " + unique, "вот", stranger, Channel.EMAIL, null,
                null, null, null, Set.of(), List.of(file("theirs.txt", "чужое"))));
        List<MessageView> thread = conversations.of(own);
        long noteFile = thread.stream().filter(MessageView::isNote).findFirst().orElseThrow().attachments()
                .getFirst().id();
        long ownFile = thread.getLast().attachments().getFirst().id();
        long foreignFile = conversations.of(foreign).getFirst().attachments().getFirst().id();

        var download = portal.attachment(ownFile, CustomerScope.own(anna));
        assertThat(download.attachment().fileName()).isEqualTo("mine.txt");
        assertThat(download.content().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("моё");
        for (long id : List.of(noteFile, foreignFile, foreignFile + 1_000_000)) {
            assertNotFound(() -> portal.attachment(id, CustomerScope.own(anna)), "attachment.not-found", id);
        }
    }

    @Test
    void programsAndScriptsAreRefusedWithAClearMessageAndNothingIsStored() {
        TicketId ticket = open(anna, "Пришлю файл");
        long filesBefore = count("ticket_attachment");
        for (NewAttachment runnable : List.of(file("setup.exe", "MZ"), file("Invoice.PDF.js", "x"),
                file("update.msi. ", "x"), file("run.bat", "x"), file("macro.vbs", "x"), file("app.jar", "x"),
                file("tool.scr", "x"), file("start.cmd", "x"),
                new NewAttachment("readme.txt", "application/x-msdownload", bytes("MZ")))) {
            RuleViolationException refused = catchThrowableOfType(RuleViolationException.class,
                    () -> portal.reply(ticket, CustomerScope.own(anna), "вот файл",
                            List.of(file("fine.txt", "ok"), runnable), Channel.PORTAL));
            assertThat(refused).as(runnable.fileName()).isNotNull();
            assertThat(refused.code()).isEqualTo("attachment.type-refused");
        }
        assertThat(message(catchThrowableOfType(RuleViolationException.class, () -> portal.reply(ticket,
                CustomerScope.own(anna), "", List.of(file("setup.exe", "MZ")), Channel.PORTAL))))
                .isEqualTo("Файл «setup.exe» не принят: программы и сценарии (.exe, .bat, .js, .msi и подобные) "
                        + "присылать нельзя. Упакуйте файл в архив или пришлите снимок экрана.");
        assertThat(conversations.of(ticket)).hasSize(1);
        assertThat(count("ticket_attachment")).isEqualTo(filesBefore);
    }

    @Test
    void filesOverTheLimitAreRefusedAndLeaveNoMessageNorTicket() {
        TicketId ticket = open(anna, "Большой файл");
        long ticketsBefore = count("ticket");
        long filesBefore = count("ticket_attachment");
        byte[] big = new byte[1024 * 1024 + 1];
        MockMultipartFile upload = new MockMultipartFile("files", "dump.zip", "application/zip", big);

        PayloadTooLargeException refused = catchThrowableOfType(PayloadTooLargeException.class,
                () -> portal.reply(ticket, CustomerScope.own(anna), "дамп",
                        List.of(new NewAttachment("dump.zip", "application/zip", upload)), Channel.PORTAL));
        assertThat(message(refused)).isEqualTo("Файл «dump.zip» больше допустимых 1 МБ.");
        // Content whose size is known only while reading it: refused while storing, and the message rolls back.
        assertThat(catchThrowableOfType(PayloadTooLargeException.class, () -> portal.reply(ticket,
                CustomerScope.own(anna), "дамп", List.of(new NewAttachment("dump.zip", "application/zip",
                        new ByteArrayResource(big))), Channel.PORTAL))).isNotNull();

        updates.change(ticket, TicketChanges.none().withStatus(Status.SOLVED), null);
        portal.confirmSolved(ticket, CustomerScope.own(anna));
        assertThat(catchThrowableOfType(PayloadTooLargeException.class, () -> portal.reply(ticket,
                CustomerScope.own(anna), "дамп", List.of(new NewAttachment("dump.zip", "application/zip",
                        new ByteArrayResource(big))), Channel.PORTAL))).isNotNull();

        assertThat(conversations.of(ticket)).hasSize(1);
        assertThat(count("ticket_attachment")).isEqualTo(filesBefore);
        assertThat(count("ticket")).isEqualTo(ticketsBefore);
        assertThat(portal.view(ticket, CustomerScope.own(anna)).links()).isEmpty();
    }

    @Test
    void followUpSubjectsDoNotPileUpPrefixes() {
        assertThat(CustomerTickets.followUpSubject("Нет сети")).isEqualTo("Re: Нет сети");
        assertThat(CustomerTickets.followUpSubject("RE: Нет сети")).isEqualTo("RE: Нет сети");
    }

    private TicketId open(CustomerId requester, String subject) {
        return intake.open(new NewTicket(subject + " " + unique, "Описание: " + subject + " " + unique, requester,
                Channel.EMAIL, null, null, null, null, Set.of(), List.of()));
    }

    private static NewAttachment file(String name, String content) {
        return new NewAttachment(name, "text/plain", bytes(content));
    }

    private static ByteArrayResource bytes(String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String message(LocalizedException e) {
        return e.message(messages, java.util.Locale.of("ru"));
    }

    private void assertNotFound(Runnable call, String code, long id) {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, call::run);
        assertThat(e).as("not found: " + id).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.arguments()).containsExactly(id);
    }

    private interface Runnable {
        void run() throws Exception;
    }
}
