package io.otklik.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.otklik.ApiTest;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.customer.OrganizationId;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.CustomerScope;
import io.otklik.ticket.CustomerTickets;
import io.otklik.ticket.MessageMoved;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.TicketChanged;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketLinkView;
import io.otklik.ticket.TicketQueries;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/** Moving a message to another ticket and splitting one off, over the JSON API. */
@RecordApplicationEvents
class MessageMoveApiTests extends ApiTest {

    @Autowired
    CustomerTickets customerTickets;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TicketQueries queries;

    @Autowired
    CustomerDirectory directory;

    Staff admin;

    @BeforeEach
    void staff() {
        admin = admin();
    }

    @Test
    void movesAMessageWithItsFilesAndRecordsItOnBothTickets() throws Exception {
        long customer = customer("Анна");
        long from = open("Принтер и VPN", customer);
        long to = open("VPN не подключается", customer);
        byte[] log = "vpn: timeout\n".getBytes(StandardCharsets.UTF_8);
        long message = body(mvc.perform(multipart("/api/v1/tickets/{number}/messages", from)
                        .file(new MockMultipartFile("files", "vpn.log", "text/plain", log))
                        .param("kind", "INTERNAL_NOTE").param("body", "Про VPN — это в другой тикет.")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();

        mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(to),
                        "/api/v1/tickets/{number}/messages/{id}/move", from, message))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messageId").value(message))
                .andExpect(jsonPath("$.fromTicket").value(from))
                .andExpect(jsonPath("$.toTicket").value(to))
                .andExpect(jsonPath("$.toReference").value("OTK-" + to))
                .andExpect(jsonPath("$.href").value("/api/v1/tickets/" + to));

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", from))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].body").value("Описание: Принтер и VPN"));
        JsonNode moved = body(mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", to))
                .andExpect(jsonPath("$", hasSize(2)))
                .andReturn()).get(1);
        assertThat(moved.get("id").asLong()).isEqualTo(message);
        assertThat(moved.get("threadReason").asString()).isEqualTo("thread.moved|OTK-" + from);
        assertThat(moved.at("/attachments/0/fileName").asString()).isEqualTo("vpn.log");
        MvcResult download = mvc.perform(getAs(admin, moved.at("/attachments/0/href").asString()))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(log);

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", from))
                .andExpect(jsonPath("$[-1].field").value("message-moved-to"))
                .andExpect(jsonPath("$[-1].newValue").value("OTK-" + to))
                .andExpect(jsonPath("$[-1].actor.name").value(admin.name()));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", to))
                .andExpect(jsonPath("$[-1].field").value("message-moved-from"))
                .andExpect(jsonPath("$[-1].newValue").value("OTK-" + from));

        assertThat(queries.overview(new TicketId(from), 0).links())
                .extracting(link -> link.ticket().value(), TicketLinkView::relation)
                .containsExactly(tuple(to, TicketLinkView.Relation.MOVED_TO));
        assertThat(queries.overview(new TicketId(to), 0).links())
                .extracting(link -> link.ticket().value(), TicketLinkView::relation)
                .containsExactly(tuple(from, TicketLinkView.Relation.MOVED_FROM));

        assertThat(events.stream(MessageMoved.class))
                .contains(new MessageMoved(message, new TicketId(from), new TicketId(to)));
        assertThat(events.stream(TicketChanged.class).map(TicketChanged::ticket))
                .contains(new TicketId(from), new TicketId(to));
    }

    @Test
    void splitsACustomersMessageIntoANewTicketForThatCustomer() throws Exception {
        TeamId team = team("Сеть");
        // Boris, a colleague of Anna's who may follow his organization's tickets, writes on hers.
        OrganizationId company = asAdmin(() -> directory.createOrganization(unique("Ромашка"), null));
        long anna = directory.register(new NewCustomer("Анна", unique("anna") + "@example.ru", null, company)).value();
        long boris = directory.register(new NewCustomer("Борис", unique("boris") + "@example.ru", null, company))
                .value();
        long from = open("""
                {"subject": "Не работает почта", "description": "Почта не работает.", "requesterId": %d,
                 "channel": "EMAIL", "teamId": %d, "priority": "HIGH"}""".formatted(anna, team.value()));
        long message = customerTickets.reply(new TicketId(from),
                CustomerScope.of(new CustomerId(boris), true, company), "А у меня не печатает.",
                List.of(new NewAttachment("скан.pdf", "application/pdf", new ByteArrayResource(new byte[] {1, 2}))),
                Channel.EMAIL).messageId();

        MvcResult split = mvc.perform(post("/api/v1/tickets/{number}/messages/{id}/split", from, message)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.messageId").value(message))
                .andExpect(jsonPath("$.fromTicket").value(from))
                .andReturn();
        long created = body(split).get("toTicket").asLong();
        assertThat(split.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/tickets/" + created);

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", created))
                .andExpect(jsonPath("$.subject").value("Не работает почта"))
                .andExpect(jsonPath("$.requester.id").value(boris))
                .andExpect(jsonPath("$.channel").value("EMAIL"))
                .andExpect(jsonPath("$.teamId").value(team.value()))
                .andExpect(jsonPath("$.status").value("NEW"));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", created))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].body").value("А у меня не печатает."))
                .andExpect(jsonPath("$[0].author.id").value(boris))
                .andExpect(jsonPath("$[0].threadReason").value("thread.split|OTK-" + from))
                .andExpect(jsonPath("$[0].attachments[0].fileName").value("скан.pdf"));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", from))
                .andExpect(jsonPath("$[*].body", contains("Почта не работает.")));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", created))
                .andExpect(jsonPath("$[*].field", contains("created", "message-split-from")));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", from))
                .andExpect(jsonPath("$[*].field", hasItem("message-split-to")));
        assertThat(queries.overview(new TicketId(created), 0).links())
                .extracting(link -> link.ticket().value(), TicketLinkView::relation)
                .containsExactly(tuple(from, TicketLinkView.Relation.SPLIT_FROM));
        assertThat(queries.overview(new TicketId(from), 0).links())
                .extracting(link -> link.ticket().value(), TicketLinkView::relation)
                .containsExactly(tuple(created, TicketLinkView.Relation.SPLIT_INTO));
        assertThat(events.stream(MessageMoved.class))
                .contains(new MessageMoved(message, new TicketId(from), new TicketId(created)));
    }

    @Test
    void splittingAnAgentsMessageKeepsTheTicketsRequester() throws Exception {
        long anna = customer("Анна");
        long from = open("Два вопроса", anna);
        long reply = body(mvc.perform(postJson(admin, "{\"kind\": \"PUBLIC_REPLY\", \"body\": \"По второму вопросу\"}",
                "/api/v1/tickets/{number}/messages", from)).andReturn()).get("id").asLong();
        long created = body(mvc.perform(post("/api/v1/tickets/{number}/messages/{id}/split", from, reply)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .andExpect(status().isCreated()).andReturn()).get("toTicket").asLong();
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", created))
                .andExpect(jsonPath("$.requester.id").value(anna))
                .andExpect(jsonPath("$.subject").value("Два вопроса"));
    }

    @Test
    void refusesWhatCannotBeMovedWithReadableProblems() throws Exception {
        long customer = customer("Вера");
        long single = open("Один вопрос", customer);
        long only = firstMessage(single);
        mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(open("Другой", customer)),
                        "/api/v1/tickets/{number}/messages/{id}/move", single, only))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Это единственное сообщение тикета OTK-" + single
                        + ": без него тикет останется пустым, поэтому его нельзя перенести или выделить."));
        mvc.perform(post("/api/v1/tickets/{number}/messages/{id}/split", single, only)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("This is the only message of ticket OTK-" + single
                        + ": without it the ticket would be empty, so it cannot be moved or split off."));

        long from = open("Два сообщения", customer);
        long note = note(from, "Заметка");
        mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(from),
                        "/api/v1/tickets/{number}/messages/{id}/move", from, note))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Сообщение уже в тикете OTK-" + from
                        + ": укажите другой тикет."));

        long closed = open("Закрытый", customer);
        long closedNote = note(closed, "Заметка, пока не закрыт");
        mvc.perform(patchJson(admin, "{\"status\": \"SOLVED\"}", "/api/v1/tickets/{number}", closed));
        mvc.perform(patchJson(admin, "{\"status\": \"CLOSED\"}", "/api/v1/tickets/{number}", closed))
                .andExpect(status().isOk());
        mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(closed),
                        "/api/v1/tickets/{number}/messages/{id}/move", from, note))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Тикет OTK-" + closed
                        + " закрыт и не принимает сообщений. Выделите сообщение в новый тикет."));

        mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(from),
                        "/api/v1/tickets/{number}/messages/{id}/move", closed, closedNote))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Тикет OTK-" + closed + " закрыт и больше не изменяется."));

        mvc.perform(postJson(admin, "{\"ticket\": 987654321}", "/api/v1/tickets/{number}/messages/{id}/move", from,
                        note))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Тикет 987654321 не найден: проверьте номер."));
        mvc.perform(postJson(admin, "{}", "/api/v1/tickets/{number}/messages/{id}/move", from, note))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ticket"));
        mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(single),
                        "/api/v1/tickets/{number}/messages/{id}/move", from, only))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Сообщение " + only + " не найдено в этом тикете."));

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", from)).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", closed)).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", from))
                .andExpect(jsonPath("$[*].field", org.hamcrest.Matchers.not(hasItem("message-moved-to"))));
    }

    @Test
    void anAgentMovesOnlyBetweenTicketsTheyMaySee() throws Exception {
        TeamId network = team("Сеть");
        TeamId billing = team("Биллинг");
        Staff restricted = staff(Role.AGENT, TicketScope.OWN_TEAMS, network);
        long customer = customer("Глеб");
        long own = open("""
                {"subject": "Своё", "description": "Своё.", "requesterId": %d, "teamId": %d}"""
                .formatted(customer, network.value()));
        long foreign = open("""
                {"subject": "Чужое", "description": "Чужое.", "requesterId": %d, "teamId": %d}"""
                .formatted(customer, billing.value()));
        long ownNote = note(own, "Своя заметка");
        long foreignNote = note(foreign, "Чужая заметка");

        mvc.perform(postJson(restricted, "{\"ticket\": %d}".formatted(foreign),
                        "/api/v1/tickets/{number}/messages/{id}/move", own, ownNote))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Тикет " + foreign + " не найден: проверьте номер."));
        mvc.perform(postJson(restricted, "{\"ticket\": %d}".formatted(own),
                        "/api/v1/tickets/{number}/messages/{id}/move", foreign, foreignNote))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Тикет " + foreign + " не найден."));
        mvc.perform(post("/api/v1/tickets/{number}/messages/{id}/split", foreign, foreignNote)
                        .header(HttpHeaders.AUTHORIZATION, restricted.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", own)).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", foreign)).andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void movingBackAndForthKeepsOneLinkEachWay() throws Exception {
        long customer = customer("Дина");
        long a = open("А", customer);
        long b = open("Б", customer);
        long note = note(a, "Туда-сюда");
        note(b, "Ещё одна");
        for (int i = 0; i < 2; i++) {
            mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(b), "/api/v1/tickets/{number}/messages/{id}/move",
                    a, note)).andExpect(status().isOk());
            mvc.perform(postJson(admin, "{\"ticket\": %d}".formatted(a), "/api/v1/tickets/{number}/messages/{id}/move",
                    b, note)).andExpect(status().isOk());
        }
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", a))
                .andExpect(jsonPath("$[-1].id").value(note))
                .andExpect(jsonPath("$[-1].threadReason").value("thread.moved|OTK-" + b));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", a))
                .andExpect(jsonPath("$[?(@.field == 'message-moved-to')]", hasSize(2)))
                .andExpect(jsonPath("$[?(@.field == 'message-moved-from')]", hasSize(2)));
        assertThat(queries.overview(new TicketId(a), 0).links())
                .extracting(link -> link.ticket().value(), TicketLinkView::relation)
                .containsExactlyInAnyOrder(tuple(b, TicketLinkView.Relation.MOVED_TO),
                        tuple(b, TicketLinkView.Relation.MOVED_FROM));
    }

    private long open(String subject, long customer) throws Exception {
        return open("""
                {"subject": "%s", "description": "Описание: %s", "requesterId": %d}"""
                .formatted(subject, subject, customer));
    }

    private long open(String body) throws Exception {
        return body(mvc.perform(postJson(admin, body, "/api/v1/tickets")).andExpect(status().isCreated())
                .andReturn()).get("number").asLong();
    }

    private long note(long ticket, String text) throws Exception {
        return body(mvc.perform(postJson(admin, "{\"kind\": \"INTERNAL_NOTE\", \"body\": \"%s\"}".formatted(text),
                "/api/v1/tickets/{number}/messages", ticket)).andExpect(status().isCreated()).andReturn())
                .get("id").asLong();
    }

    private long firstMessage(long ticket) throws Exception {
        return body(mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", ticket)).andReturn()).get(0)
                .get("id").asLong();
    }

    private long customer(String name) throws Exception {
        MvcResult result = mvc.perform(postJson(admin, """
                        {"name": "%s", "email": "%s@example.ru"}""".formatted(name, unique("c")), "/api/v1/customers"))
                .andExpect(status().isCreated()).andReturn();
        return body(result).get("id").asLong();
    }
}
