package io.otklik.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.otklik.ApiTest;
import io.otklik.agent.TeamId;
import io.otklik.ticket.Categories;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/** The tickets part of the JSON API, called with real tokens as an integration would. */
class TicketApiTests extends ApiTest {

    @Autowired
    Categories categories;

    Staff admin;

    @BeforeEach
    void staff() {
        admin = admin();
    }

    @Test
    void opensTicketForRequesterByEmailAndReadsItBack() throws Exception {
        String email = unique("client") + "@example.ru";
        MvcResult created = mvc.perform(postJson(admin, """
                        {"subject": "  Не работает   вход ", "description": "С утра не пускает в кабинет.",
                         "requester": {"name": "Анна Петрова", "email": "%s", "phone": "+7 900 000-00-00"},
                         "priority": "HIGH", "tags": ["Вход", "vip"]}""".formatted(email), "/api/v1/tickets"))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.subject").value("Не работает вход"))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.priority").value("HIGH"))
                .andExpect(jsonPath("$.channel").value("API"))
                .andExpect(jsonPath("$.tags", containsInAnyOrder("вход", "vip")))
                .andExpect(jsonPath("$.requester.name").value("Анна Петрова"))
                .andExpect(jsonPath("$.requester.email").value(email.toLowerCase()))
                .andExpect(jsonPath("$.requester.phone").value("+7 900 000-00-00"))
                .andReturn();
        JsonNode ticket = body(created);
        long number = ticket.get("number").asLong();
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/tickets/" + number);
        assertThat(ticket.get("reference").asString()).endsWith(Long.toString(number));
        assertThat(ticket.get("createdAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        mvc.perform(getAs(admin, created.getResponse().getHeader(HttpHeaders.LOCATION)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + ticket.get("version").asLong() + "\""))
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.subject").value("Не работает вход"))
                .andExpect(jsonPath("$.requester.id").value(ticket.at("/requester/id").asLong()));

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].kind").value("PUBLIC_REPLY"))
                .andExpect(jsonPath("$[0].author.type").value("CUSTOMER"))
                .andExpect(jsonPath("$[0].body").value("С утра не пускает в кабинет."));

        mvc.perform(postJson(admin, """
                        {"subject": "Ещё вопрос", "description": "И ещё одно.",
                         "requester": {"email": "%s"}}""".formatted(email.toUpperCase()), "/api/v1/tickets"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requester.id").value(ticket.at("/requester/id").asLong()))
                .andExpect(jsonPath("$.requester.name").value("Анна Петрова"));
    }

    @Test
    void registersNoRequesterWhenTheTicketIsRefused() throws Exception {
        String email = unique("refused") + "@example.ru";
        mvc.perform(postJson(admin, """
                        {"subject": "Тема", "description": "Текст", "requester": {"email": "%s"}, "teamId": 987654321}"""
                        .formatted(email), "/api/v1/tickets"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Команда 987654321 не найдена."));

        mvc.perform(getAs(admin, "/api/v1/customers").param("q", email))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void opensTicketForKnownRequesterInTeamWithAssigneeAndCategory() throws Exception {
        TeamId team = team("Вторая линия");
        Staff agent = staff(io.otklik.identity.Role.AGENT, io.otklik.agent.TicketScope.ALL, team);
        long category = asAdmin(() -> categories.create(unique("Доступ")));
        long requester = customer();
        mvc.perform(postJson(admin, """
                        {"subject": "Звонок", "description": "Клиент позвонил.", "requesterId": %d,
                         "channel": "PHONE", "teamId": %d, "assigneeId": %d, "categoryId": %d}"""
                        .formatted(requester, team.value(), agent.agent().value(), category), "/api/v1/tickets"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("PHONE"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.teamId").value(team.value()))
                .andExpect(jsonPath("$.assigneeId").value(agent.agent().value()))
                .andExpect(jsonPath("$.assigneeName").value(agent.name()))
                .andExpect(jsonPath("$.categoryId").value(category))
                .andExpect(jsonPath("$.requester.id").value(requester));

        mvc.perform(getAs(admin, "/api/v1/categories"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) category)));
    }

    @Test
    void listsTicketsByStatusTeamTagAndTextWithPagingAndTotal() throws Exception {
        String tag = unique("list");
        TeamId team = team("Биллинг");
        long first = open("""
                {"subject": "Счёт не пришёл", "description": "Нет счёта.", "requesterId": %d, "tags": ["%s"]}"""
                .formatted(customer(), tag));
        long second = open("""
                {"subject": "Двойное списание", "description": "Списали дважды.", "requesterId": %d,
                 "tags": ["%s"], "teamId": %d, "priority": "CRITICAL"}""".formatted(customer(), tag, team.value()));
        long third = open("""
                {"subject": "Акт сверки", "description": "Нужен акт.", "requesterId": %d, "tags": ["%s"],
                 "teamId": %d}""".formatted(customer(), tag, team.value()));
        mvc.perform(patchJson(admin, """
                {"status": "PENDING"}""", "/api/v1/tickets/{number}", third)).andExpect(status().isOk());

        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("sort", "created_asc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number", contains(numbers(first, second, third))))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.totalCapped").value(false))
                .andExpect(jsonPath("$.page").value(0));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("status", "NEW"))
                .andExpect(jsonPath("$.items[*].number", containsInAnyOrder(numbers(first, second))));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("status", "NEW")
                        .param("status", "PENDING"))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("teamId", "" + team.value()))
                .andExpect(jsonPath("$.items[*].number", containsInAnyOrder(numbers(second, third))))
                .andExpect(jsonPath("$.items[0].teamName").exists());
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("priority", "CRITICAL"))
                .andExpect(jsonPath("$.items[*].number", contains(numbers(second))));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("q", "СПИСАНИЕ"))
                .andExpect(jsonPath("$.items[*].number", contains(numbers(second))));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("q", "#" + third))
                .andExpect(jsonPath("$.items[*].number", contains(numbers(third))));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("sort", "created_desc")
                        .param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[*].number", contains(numbers(first))))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", tag).param("unassigned", "true"))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("tag", unique("nothing")))
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void refusesBadListParametersNamingThem() throws Exception {
        mvc.perform(getAs(admin, "/api/v1/tickets").param("size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains("size")))
                .andExpect(jsonPath("$.errors[0].message").value("Не больше 100."));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("status", "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("status")))
                .andExpect(jsonPath("$.errors[0].message").value("Недопустимое значение."));
        mvc.perform(getAs(admin, "/api/v1/tickets").param("sort", "by_mood"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("sort")));
    }

    @Test
    void changesOnlyTheFieldsGivenAndRecordsOldAndNewValuesInHistory() throws Exception {
        TeamId team = team("Сеть");
        Staff agent = staff(io.otklik.identity.Role.AGENT, io.otklik.agent.TicketScope.ALL, team);
        long number = open("""
                {"subject": "VPN", "description": "Не подключается.", "requesterId": %d, "tags": ["vpn"]}"""
                .formatted(customer()));

        mvc.perform(patchJson(admin, """
                        {"priority": "HIGH", "teamId": %d, "assigneeId": %d, "tags": ["vpn", "сеть"],
                         "subject": "VPN из дома"}""".formatted(team.value(), agent.agent().value()),
                        "/api/v1/tickets/{number}", number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priority").value("HIGH"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.teamId").value(team.value()))
                .andExpect(jsonPath("$.assigneeId").value(agent.agent().value()))
                .andExpect(jsonPath("$.subject").value("VPN из дома"))
                .andExpect(jsonPath("$.tags", contains("vpn", "сеть")));

        mvc.perform(patchJson(admin, """
                        {"assigneeId": null}""", "/api/v1/tickets/{number}", number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(nullValue()))
                .andExpect(jsonPath("$.teamId").value(team.value()))
                .andExpect(jsonPath("$.priority").value("HIGH"))
                .andExpect(jsonPath("$.tags", hasSize(2)));

        MvcResult history = mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", number))
                .andExpect(status().isOk()).andReturn();
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : body(history)) {
            lines.add(entry.get("field").asString() + ": " + entry.get("oldValue").asString("∅") + " → "
                    + entry.get("newValue").asString("∅"));
            assertThat(entry.get("at").asString()).endsWith("Z");
        }
        String teamName = agents.team(team).orElseThrow().name();
        assertThat(lines).contains(
                "priority: MEDIUM → HIGH",
                "team: ∅ → " + teamName,
                "assignee: ∅ → " + agent.name(),
                "status: NEW → OPEN",
                "tags: vpn → vpn, сеть",
                "subject: VPN → VPN из дома",
                "assignee: " + agent.name() + " → ∅");
        assertThat(lines).noneMatch(line -> line.startsWith("team: " + teamName));
        JsonNode last = body(history).get(body(history).size() - 1);
        assertThat(last.at("/actor/type").asString()).isEqualTo("AGENT");
        assertThat(last.at("/actor/name").asString()).isEqualTo(admin.name());
    }

    @Test
    void addsReplyAndNoteWithFileAndServesTheFileBack() throws Exception {
        long number = open("""
                {"subject": "Ошибка в отчёте", "description": "Цифры не сходятся.", "requesterId": %d}"""
                .formatted(customer()));

        mvc.perform(postJson(admin, """
                        {"kind": "PUBLIC_REPLY", "body": "Проверяем, ответим сегодня.", "statusAfter": "PENDING"}""",
                        "/api/v1/tickets/{number}/messages", number))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PUBLIC_REPLY"))
                .andExpect(jsonPath("$.author.type").value("AGENT"))
                .andExpect(jsonPath("$.author.name").value(admin.name()))
                .andExpect(jsonPath("$.delivery").value("PENDING"));

        byte[] log = "строка 1\nстрока 2\n".getBytes(StandardCharsets.UTF_8);
        MvcResult note = mvc.perform(multipart("/api/v1/tickets/{number}/messages", number)
                        .file(new MockMultipartFile("files", "журнал \"сбоя\".log", "text/plain", log))
                        .param("kind", "INTERNAL_NOTE")
                        .param("body", "Лог приложил.")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("INTERNAL_NOTE"))
                .andExpect(jsonPath("$.delivery").value("NONE"))
                .andExpect(jsonPath("$.attachments", hasSize(1)))
                .andExpect(jsonPath("$.attachments[0].fileName").value("журнал \"сбоя\".log"))
                .andExpect(jsonPath("$.attachments[0].size").value(log.length))
                .andReturn();
        String href = body(note).at("/attachments/0/href").asString();

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", number))
                .andExpect(jsonPath("$[*].kind", contains("PUBLIC_REPLY", "PUBLIC_REPLY", "INTERNAL_NOTE")))
                .andExpect(jsonPath("$[2].attachments[0].href").value(href));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number))
                .andExpect(jsonPath("$.status").value("PENDING"));

        MvcResult download = mvc.perform(getAs(admin, href))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString(
                        "attachment; filename=")))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString(
                        "filename*=UTF-8''%D0%B6%D1%83%D1%80%D0%BD%D0%B0%D0%BB%20%22%D1%81%D0%B1%D0%BE%D1%8F%22.log")))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("text/plain")))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(log);
    }

    @Test
    void refusesInvalidTicketWith400NamingTheFields() throws Exception {
        mvc.perform(postJson(admin, """
                        {"description": "Без темы", "requesterId": %d}""".formatted(customer()), "/api/v1/tickets"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("Запрос содержит ошибки в полях."))
                .andExpect(jsonPath("$.errors[*].field", contains("subject")))
                .andExpect(jsonPath("$.errors[0].message").value("Обязательное поле."));

        mvc.perform(postJson(admin, """
                        {"subject": "Тема", "description": "Текст", "requesterId": %d, "priority": "URGENT"}"""
                        .formatted(customer()), "/api/v1/tickets"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("priority")))
                .andExpect(jsonPath("$.errors[0].message").value("Недопустимое значение."));

        mvc.perform(postJson(admin, """
                        {"subject": "Тема", "description": "Текст", "requester": {"email": "не-адрес"}}""",
                        "/api/v1/tickets"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("requester.email")));

        mvc.perform(postJson(admin, """
                        {"subject": "Тема", "description": "Текст"}""", "/api/v1/tickets"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("requester")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Укажите заявителя: requesterId или requester, но не оба сразу."));

        mvc.perform(postJson(admin, "{\"subject\": ", "/api/v1/tickets"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "Тело запроса не удалось прочитать: проверьте, что это корректный JSON."));
    }

    @Test
    void answersUnknownTicketWith404() throws Exception {
        long unknown = 987_654_321L;
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Тикет 987654321 не найден."));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", unknown)).andExpect(status().isNotFound());
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/history", unknown)).andExpect(status().isNotFound());
        mvc.perform(patchJson(admin, "{\"priority\": \"LOW\"}", "/api/v1/tickets/{number}", unknown))
                .andExpect(status().isNotFound());
        mvc.perform(getAs(admin, "/api/v1/attachments/{id}", unknown)).andExpect(status().isNotFound());
        mvc.perform(postJson(admin, """
                        {"subject": "Тема", "description": "Текст", "requesterId": %d}""".formatted(unknown),
                        "/api/v1/tickets"))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesReopeningClosedTicketWith422AndReadableMessage() throws Exception {
        long number = open("""
                {"subject": "Закрыть", "description": "Можно закрывать.", "requesterId": %d}""".formatted(customer()));
        mvc.perform(patchJson(admin, "{\"status\": \"CLOSED\"}", "/api/v1/tickets/{number}", number))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Нельзя перевести тикет из статуса «Новый» в «Закрыт»."));
        mvc.perform(patchJson(admin, "{\"status\": \"SOLVED\"}", "/api/v1/tickets/{number}", number))
                .andExpect(status().isOk());
        mvc.perform(patchJson(admin, "{\"status\": \"CLOSED\"}", "/api/v1/tickets/{number}", number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        mvc.perform(patchJson(admin, "{\"status\": \"OPEN\"}", "/api/v1/tickets/{number}", number))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Нельзя перевести тикет из статуса «Закрыт» в «Открыт»."));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number))
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void refusesChangeBasedOnStaleVersionWith409() throws Exception {
        long number = open("""
                {"subject": "Версии", "description": "Гонка.", "requesterId": %d}""".formatted(customer()));
        MvcResult read = mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number)).andReturn();
        long seen = body(read).get("version").asLong();
        String etag = read.getResponse().getHeader(HttpHeaders.ETAG);

        mvc.perform(patchJson(admin, "{\"priority\": \"LOW\", \"version\": %d}".formatted(seen),
                        "/api/v1/tickets/{number}", number))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (seen + 1) + "\""));

        mvc.perform(patchJson(admin, "{\"priority\": \"HIGH\", \"version\": %d}".formatted(seen),
                        "/api/v1/tickets/{number}", number))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("только что изменил кто-то другой")));
        mvc.perform(patchJson(admin, "{\"priority\": \"HIGH\"}", "/api/v1/tickets/{number}", number)
                        .header(HttpHeaders.IF_MATCH, etag))
                .andExpect(status().isConflict());
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number))
                .andExpect(jsonPath("$.priority").value("LOW"));

        mvc.perform(patchJson(admin, "{\"priority\": \"HIGH\"}", "/api/v1/tickets/{number}", number)
                        .header(HttpHeaders.IF_MATCH, "\"" + (seen + 1) + "\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priority").value("HIGH"));
    }

    @Test
    void refusesOversizeAttachmentWith413AndKeepsNothing() throws Exception {
        long number = open("""
                {"subject": "Большой файл", "description": "Прикладываю дамп.", "requesterId": %d}"""
                .formatted(customer()));
        MvcResult before = mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number)).andReturn();

        byte[] tooBig = new byte[1024 * 1024 + 1];
        mvc.perform(multipart("/api/v1/tickets/{number}/messages", number)
                        .file(new MockMultipartFile("files", "dump.bin", "application/octet-stream", tooBig))
                        .param("kind", "PUBLIC_REPLY")
                        .param("body", "Дамп во вложении.")
                        .param("statusAfter", "PENDING")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Файл «dump.bin» больше допустимых 1 МБ."));

        mvc.perform(getAs(admin, "/api/v1/tickets/{number}/messages", number))
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", number))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.version").value(body(before).get("version").asLong()));
    }

    @Test
    void refusesCallsWithoutValidTokenWith401ProblemJson() throws Exception {
        for (String authorization : new String[] {null, "Bearer otk_not-a-real-token", "Basic YWRtaW46YWRtaW4="}) {
            var request = get("/api/v1/tickets");
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                    .andExpect(jsonPath("$.status").value(401));
        }
        mvc.perform(postJson(new Staff(null, "nobody", "otk_forged"), """
                        {"subject": "Тема", "description": "Текст", "requester": {"email": "x@example.ru"}}""",
                        "/api/v1/tickets"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void speaksTheCallersLanguageInProblems() throws Exception {
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", 987_654_322L))
                .andExpect(jsonPath("$.detail").value("Тикет 987654322 не найден."));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", 987_654_322L)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"))
                .andExpect(jsonPath("$.detail").value("Ticket 987654322 not found."));
        mvc.perform(postJson(admin, """
                        {"description": "No subject", "requesterId": %d}""".formatted(customer()), "/api/v1/tickets")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.detail").value("The request has errors in its fields."))
                .andExpect(jsonPath("$.errors[0].message").value("Required."));
        mvc.perform(getAs(admin, "/api/v1/tickets/{number}", 987_654_322L)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andExpect(jsonPath("$.detail").value("Тикет 987654322 не найден."));
    }

    private long open(String body) throws Exception {
        MvcResult result = mvc.perform(postJson(admin, body, "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn();
        return body(result).get("number").asLong();
    }

    private long customer() throws Exception {
        MvcResult result = mvc.perform(postJson(admin, """
                        {"name": "Клиент", "email": "%s@example.ru"}""".formatted(unique("c")), "/api/v1/customers"))
                .andExpect(status().isCreated()).andReturn();
        return body(result).get("id").asLong();
    }

    /** JSON numbers as JsonPath reads them (ticket numbers fit an int). */
    static Integer[] numbers(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Math::toIntExact).toArray(Integer[]::new);
    }
}
