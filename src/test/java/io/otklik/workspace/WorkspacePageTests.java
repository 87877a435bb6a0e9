package io.otklik.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.otklik.PostgresTest;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.NewAgent;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The agent's pages as an agent uses them: what each sees, what changes, and what is refused and why. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkspacePageTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;
    @Autowired TicketQueries tickets;
    @Autowired Conversations conversations;
    @Autowired UserDetailsService users;

    private String unique;
    private TeamId network;
    private TeamId billing;
    private String supervisor;
    private String restricted;
    private AgentId restrictedId;
    private CustomerId customer;

    @BeforeEach
    void staff() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        asAdmin(() -> {
            network = agents.createTeam("Сеть " + unique, SupportLine.L2);
            billing = agents.createTeam("Биллинг " + unique, SupportLine.L2);
            supervisor = "lead-" + unique + "@otklik.test";
            agents.add(new NewAgent("Руководитель " + unique, supervisor, "password-1", Role.SUPERVISOR,
                    TicketScope.ALL, Set.of(), Locale.of("ru")));
            restricted = "net-" + unique + "@otklik.test";
            restrictedId = agents.add(new NewAgent("Сетевик " + unique, restricted, "password-1", Role.AGENT,
                    TicketScope.OWN_TEAMS, Set.of(network), Locale.of("ru")));
        });
        customer = customers.register(new NewCustomer("Олег " + unique, "oleg-" + unique + "@client.test", null, null));
    }

    @Test
    void pagesNeedSignIn() throws Exception {
        mvc.perform(get("/queues/mine")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/tickets/1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/events")).andExpect(status().is3xxRedirection());
    }

    @Test
    void restrictedAgentSeesOnlyTheirTeamsTicketsAndCannotReachOthersByUrl() throws Exception {
        TicketId own = open("Нет связи " + unique, network);
        TicketId foreign = open("Двойное списание " + unique, billing);
        long attachment = conversations.of(foreign).getFirst().attachments().getFirst().id();

        String queue = mvc.perform(get("/queues/all").param("q", unique).with(as(restricted)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("Нет связи " + unique).doesNotContain("Двойное списание " + unique);

        mvc.perform(get("/tickets/" + own.value()).with(as(restricted))).andExpect(status().isOk());
        mvc.perform(get("/tickets/" + foreign.value()).with(as(restricted))).andExpect(status().isNotFound());
        mvc.perform(get("/tickets/" + foreign.value()).param("fragment", "conversation").with(as(restricted)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/attachments/" + attachment).with(as(restricted))).andExpect(status().isNotFound());
        mvc.perform(post("/tickets/" + foreign.value() + "/messages").param("body", "чужой")
                .with(as(restricted)).with(csrf())).andExpect(status().isNotFound());
        assertThat(conversations.of(foreign)).hasSize(1);

        mvc.perform(get("/attachments/" + attachment).with(as(supervisor))).andExpect(status().isOk())
                .andExpect(content().bytes("лог ошибки".getBytes()));
    }

    @Test
    void htmlInSubjectsNamesAndMessagesIsShownAsText() throws Exception {
        CustomerId hostile = customers.register(new NewCustomer("<script>alert('имя')</script>",
                "x-" + unique + "@client.test", null, null));
        TicketId id = intake.open(new NewTicket("<img src=x onerror=alert(1)> " + unique, "<b>жирный</b> текст",
                hostile, Channel.API, Priority.LOW, null, null, null, Set.of(), List.of()));
        String page = mvc.perform(get("/tickets/" + id.value()).with(as(supervisor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;", "&lt;b&gt;жирный&lt;/b&gt;")
                .doesNotContain("<img src=x", "<script>alert", "<b>жирный");
        String queue = mvc.perform(get("/queues/all").param("q", unique).with(as(supervisor)))
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("&lt;img src=x").doesNotContain("<img src=x");
    }

    @Test
    void replyNoteAndPropertiesChangeTheTicketAndItsHistory() throws Exception {
        TicketId id = open("Не открывается отчёт " + unique, network);
        mvc.perform(multipart("/tickets/" + id.value() + "/messages")
                        .file(new MockMultipartFile("files", "скрин.png", "image/png", new byte[] {1, 2, 3}))
                        .param("kind", "PUBLIC_REPLY").param("body", "Проверьте права доступа")
                        .param("statusAfter", "PENDING").with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/tickets/" + id.value() + "/messages").param("kind", "INTERNAL_NOTE")
                .param("body", "Похоже на сбой прав в LDAP").with(as(supervisor)).with(csrf()));
        TicketDetails before = tickets.details(id);
        String fragment = mvc.perform(post("/tickets/" + id.value() + "/properties").header("HX-Request", "true")
                        .param("version", String.valueOf(before.version())).param("status", "ON_HOLD")
                        .param("priority", "HIGH").param("teamId", String.valueOf(network.value()))
                        .param("assigneeId", String.valueOf(restrictedId.value())).param("tags", "отчёты, ldap")
                        .with(as(supervisor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("Сохранено.");

        TicketDetails after = tickets.details(id);
        assertThat(after.status().name()).isEqualTo("ON_HOLD");
        assertThat(after.priority()).isEqualTo(Priority.HIGH);
        assertThat(after.assignee()).isEqualTo(restrictedId);
        assertThat(after.tags()).containsExactlyInAnyOrder("отчёты", "ldap");
        assertThat(conversations.of(id)).extracting(m -> m.kind())
                .containsExactly(MessageKind.PUBLIC_REPLY, MessageKind.PUBLIC_REPLY, MessageKind.INTERNAL_NOTE);
        assertThat(conversations.of(id).get(1).attachments()).extracting(a -> a.fileName()).containsExactly("скрин.png");

        String page = mvc.perform(get("/tickets/" + id.value()).with(as(supervisor)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Статус: Ожидает клиента → Ожидает третьей стороны",
                "Приоритет: Средний → Важный", "Исполнитель: — → Сетевик " + unique, "добавил(а) заметку");
    }

    @Test
    void secondAgentSavingAStaleTicketGetsAConflictAndChangesNothing() throws Exception {
        TicketId id = open("Гонка правок " + unique, network);
        long seen = tickets.details(id).version();
        mvc.perform(post("/tickets/" + id.value() + "/properties").header("HX-Request", "true")
                .param("version", String.valueOf(seen)).param("status", "OPEN").param("priority", "HIGH")
                .param("teamId", String.valueOf(network.value())).with(as(supervisor)).with(csrf()));
        String second = mvc.perform(post("/tickets/" + id.value() + "/properties").header("HX-Request", "true")
                        .header("Accept-Language", "en")
                        .param("version", String.valueOf(seen)).param("status", "OPEN").param("priority", "LOW")
                        .param("teamId", String.valueOf(network.value())).with(as(restricted)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The agent's own language setting (Russian) wins over the browser's English.
        assertThat(second).contains("Тикет OTK-" + id.value() + " только что изменил кто-то другой.");
        assertThat(tickets.details(id).priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void illegalStatusChangeIsRefusedWithAReadableMessage() throws Exception {
        TicketId id = open("Закрыть сразу " + unique, network);
        String answer = mvc.perform(post("/tickets/" + id.value() + "/properties").header("HX-Request", "true")
                        .param("version", String.valueOf(tickets.details(id).version())).param("status", "CLOSED")
                        .param("priority", "MEDIUM").param("teamId", String.valueOf(network.value()))
                        .with(as(supervisor)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("Нельзя перевести тикет из статуса «Новый» в «Закрыт».");
        assertThat(tickets.details(id).status().name()).isEqualTo("NEW");
    }

    @Test
    void emptyReplyIsRefusedAndTheComposerKeepsTheChoice() throws Exception {
        TicketId id = open("Пустой ответ " + unique, network);
        String composer = mvc.perform(post("/tickets/" + id.value() + "/messages").header("HX-Request", "true")
                        .param("kind", "INTERNAL_NOTE").param("body", "   ").with(as(supervisor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(composer).contains("Напишите текст сообщения или приложите файл.", "note-mode");
        assertThat(conversations.of(id)).hasSize(1);
    }

    @Test
    void oversizeAttachmentIsRefusedAndNothingIsAdded() throws Exception {
        TicketId id = open("Большой файл " + unique, network);
        String composer = mvc.perform(multipart("/tickets/" + id.value() + "/messages")
                        .file(new MockMultipartFile("files", "dump.bin", "application/octet-stream",
                                new byte[1024 * 1024 + 1]))
                        .param("body", "Вот дамп").header("HX-Request", "true").with(as(supervisor)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(composer).contains("Файл «dump.bin» больше допустимых 1 МБ.");
        assertThat(conversations.of(id)).hasSize(1);
    }

    @Test
    void queuesFilterByStatusPriorityTagAndTextAndCountWhatTheyShow() throws Exception {
        open("Фильтр А " + unique, network);
        TicketId b = intake.open(new NewTicket("Фильтр Б " + unique, "описание", customer, Channel.EMAIL,
                Priority.CRITICAL, null, billing, null, Set.of("vip-" + unique), List.of()));
        String critical = mvc.perform(get("/queues/all").param("q", unique).param("priority", "CRITICAL")
                .with(as(supervisor))).andReturn().getResponse().getContentAsString();
        assertThat(critical).contains("Фильтр Б " + unique).doesNotContain("Фильтр А " + unique).contains("Всего: 1");
        String tagged = mvc.perform(get("/queues/all").param("tag", "VIP-" + unique).header("HX-Request", "true")
                .with(as(supervisor))).andReturn().getResponse().getContentAsString();
        assertThat(tagged).contains("Фильтр Б " + unique).doesNotContain("<html");
        String byNumber = mvc.perform(get("/queues/all").param("q", "OTK-" + b.value()).with(as(supervisor)))
                .andReturn().getResponse().getContentAsString();
        assertThat(byNumber).contains("Фильтр Б " + unique);
        String counts = mvc.perform(get("/queues/counts").param("current", "unassigned").with(as(restricted)))
                .andReturn().getResponse().getContentAsString();
        assertThat(counts).contains("Не назначенные", "class=\"count\"");
    }

    @Test
    void agentLogsAPhoneCallForANewCallerAndBadInputKeepsWhatWasTyped() throws Exception {
        String invalid = mvc.perform(post("/tickets/new").param("subject", "").param("description", "Звонок")
                        .param("channel", "PHONE").param("priority", "HIGH").param("requesterPhone", "+7 495 000-" + unique)
                        .with(as(supervisor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("field-error", "+7 495 000-" + unique, "Клиент не найден — укажите его имя");

        mvc.perform(post("/tickets/new").param("subject", "Не печатает принтер " + unique)
                        .param("description", "Клиент звонит из бухгалтерии").param("channel", "PHONE")
                        .param("priority", "HIGH").param("requesterPhone", "+7 495 000-" + unique)
                        .param("requesterName", "Ирина " + unique).param("assignToMe", "true")
                        .with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/tickets/*"));
        assertThat(customers.findByPhone("+7 495 000-" + unique)).isPresent();
    }

    private TicketId open(String subject, TeamId team) {
        return intake.open(new NewTicket(subject, "Описание " + subject, customer, Channel.EMAIL, Priority.MEDIUM,
                null, team, null, Set.of(), List.of(new NewAttachment("error.log", "text/plain",
                        new ByteArrayResource("лог ошибки".getBytes())))));
    }

    private RequestPostProcessor as(String login) {
        UserDetails details = users.loadUserByUsername(login);
        return user(details);
    }

    private static void asAdmin(Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "setup", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
