package io.otklik.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestCustomers;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.CustomerAccounts;
import io.otklik.identity.CustomerSignInLinks;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.MessageView;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The portal as a customer uses it: their requests in their words, the public conversation, replies with files,
 * answering a solution, the profile, both languages — and what they cannot reach or send.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalPagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerSignInLinks links;
    @Autowired CustomerAccounts accounts;
    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired TicketQueries queries;
    @Autowired Conversations conversations;
    @Autowired AgentDirectory agents;
    @Autowired UserDetailsService staff;

    private String unique;
    private CustomerId anna;
    private MockHttpSession annasBrowser;

    @BeforeEach
    void signIn() throws Exception {
        unique = TestStaff.unique();
        anna = TestCustomers.add(customers, "Анна Порталова");
        annasBrowser = TestCustomers.signIn(mvc, links, anna);
    }

    @Test
    void myRequestsListsTheCustomersOwnTicketsInTheirWords() throws Exception {
        TicketId waiting = open(anna, "Не работает сканер");
        updates.change(waiting, TicketChanges.none().withStatus(Status.PENDING), null);
        TicketId solved = open(anna, "Забыл пароль");
        updates.change(solved, TicketChanges.none().withStatus(Status.SOLVED), null);
        TicketId foreign = open(TestCustomers.add(customers, "Чужой Клиент"), "Чужая заявка");

        Document page = page("/portal/tickets");

        assertThat(page.select("h1").text()).isEqualTo("Мои обращения");
        assertThat(page.select("[data-ticket]").eachAttr("data-ticket"))
                .containsExactly(String.valueOf(solved.value()), String.valueOf(waiting.value()));
        assertThat(row(page, solved)).contains("Забыл пароль " + unique, "Решено — подтвердите",
                queries.details(solved).reference());
        assertThat(row(page, waiting)).contains("Ждём вашего ответа");
        assertThat(page.text()).doesNotContain("Чужая заявка");
        assertThat(page.select("[data-ticket=" + foreign.value() + "]")).isEmpty();

        Document english = page("/portal/tickets?lang=en");
        assertThat(english.select("h1").text()).isEqualTo("My requests");
        assertThat(row(english, waiting)).contains("Waiting for your reply");
    }

    @Test
    void theTicketPageShowsThePublicConversationWithFilesButNoNotes() throws Exception {
        TicketId ticket = open(anna, "Не приходят письма");
        conversations.add(ticket, new NewMessage(MessageKind.INTERNAL_NOTE, "Внутреннее: клиент должник",
                List.of(file("debts.xlsx")), null));
        conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY, "Проверьте папку «Спам».",
                List.of(file("howto.pdf")), null));

        Document page = page("/portal/tickets/" + ticket.value());

        assertThat(page.select("[data-testid=ticket-subject]").text()).isEqualTo("Не приходят письма " + unique);
        assertThat(page.select("#conversation article")).hasSize(2);
        assertThat(page.select("#conversation").text()).contains("Проверьте папку «Спам».", "howto.pdf")
                .doesNotContain("должник", "debts.xlsx");
        assertThat(page.select("[data-testid=ticket-status]").text()).isEqualTo("Получено");
        String fileLink = page.select("#conversation a:contains(howto.pdf)").attr("href");
        assertThat(mvc.perform(get(fileLink).session(annasBrowser)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("файл howto.pdf");
    }

    @Test
    void anotherCustomersTicketsAndFilesAreNotFoundByGuessedNumbers() throws Exception {
        TicketId foreign = intake.open(new NewTicket("Чужое " + unique, "Секрет", TestCustomers.add(customers,
                "Другой Клиент"), Channel.EMAIL, null, null, null, null, Set.of(), List.of(file("secret.txt"))));
        updates.change(foreign, TicketChanges.none().withStatus(Status.SOLVED), null);
        long foreignFile = conversations.of(foreign).getFirst().attachments().getFirst().id();
        TicketId own = open(anna, "Моё");
        conversations.add(own, new NewMessage(MessageKind.INTERNAL_NOTE, "заметка", List.of(file("note.txt")), null));
        long noteFile = conversations.of(own).getLast().attachments().getFirst().id();
        long missing = foreign.value() + 1_000_000;

        String notFound = mvc.perform(get("/portal/tickets/" + missing).session(annasBrowser))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String forbidden = mvc.perform(get("/portal/tickets/" + foreign.value()).session(annasBrowser))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(forbidden).select("main").html().replace(String.valueOf(foreign.value()), "N"))
                .isEqualTo(Jsoup.parse(notFound).select("main").html().replace(String.valueOf(missing), "N"));
        assertThat(Jsoup.parse(forbidden).select("[role=alert]").text()).isEqualTo("Тикет " + foreign.value()
                + " не найден.");
        assertThat(forbidden).doesNotContain("Чужое", "Секрет");

        for (String action : List.of("confirm", "reopen")) {
            mvc.perform(post("/portal/tickets/" + foreign.value() + "/" + action).session(annasBrowser).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/portal/tickets/" + foreign.value() + "/messages").param("body", "моё!")
                .session(annasBrowser).with(csrf())).andExpect(status().isNotFound());
        for (long file : List.of(foreignFile, noteFile, foreignFile + 1_000_000)) {
            mvc.perform(get("/portal/attachments/" + file).session(annasBrowser)).andExpect(status().isNotFound());
        }
        assertThat(queries.details(foreign).status()).isEqualTo(Status.SOLVED);
        assertThat(conversations.of(foreign)).hasSize(1);
    }

    @Test
    void markupInAReplyIsShownAsTextInThePortalAndInTheWorkspace() throws Exception {
        TicketId ticket = open(anna, "Проверка");
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)><b>жирный</b> " + unique;

        mvc.perform(multipart("/portal/tickets/" + ticket.value() + "/messages").param("body", hostile)
                .session(annasBrowser).with(csrf())).andExpect(redirectedUrl("/portal/tickets/" + ticket.value()));

        Document portal = page("/portal/tickets/" + ticket.value());
        assertThat(portal.select("#conversation article").last().select(".body").text()).isEqualTo(hostile);
        assertThat(portal.select("main script, main img, main b")).isEmpty();
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR, TicketScope.ALL, Set.of(), Locale.of("ru"));
        Document workspace = Jsoup.parse(mvc.perform(get("/tickets/" + ticket.value())
                        .with(user(staff.loadUserByUsername(supervisor)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(workspace.select("#conversation article").last().select(".body").text()).isEqualTo(hostile);
        assertThat(workspace.select("main script, main img, main b")).isEmpty();
    }

    @Test
    void repliesWithFilesAndRefusesProgramsAndOversizeFilesKeepingTheText() throws Exception {
        TicketId ticket = open(anna, "Отправлю файл");
        updates.change(ticket, TicketChanges.none().withStatus(Status.PENDING), null);

        MvcResult refused = mvc.perform(multipart("/portal/tickets/" + ticket.value() + "/messages")
                        .file(new MockMultipartFile("files", "invoice.pdf.exe", "application/octet-stream",
                                new byte[] {'M', 'Z'}))
                        .param("body", "Вот счёт").session(annasBrowser).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn();
        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select("#reply [role=alert]").text()).startsWith("Файл «invoice.pdf.exe» не принят");
        assertThat(page.select("#reply-body").text()).isEqualTo("Вот счёт");

        MvcResult tooBig = mvc.perform(multipart("/portal/tickets/" + ticket.value() + "/messages")
                        .file(new MockMultipartFile("files", "dump.zip", "application/zip", new byte[1024 * 1024 + 1]))
                        .param("body", "Дамп").session(annasBrowser).with(csrf()))
                .andExpect(status().isPayloadTooLarge()).andReturn();
        assertThat(Jsoup.parse(tooBig.getResponse().getContentAsString()).select("#reply [role=alert]").text())
                .isEqualTo("Файл «dump.zip» больше допустимых 1 МБ.");
        assertThat(conversations.of(ticket)).hasSize(1);
        assertThat(queries.details(ticket).status()).isEqualTo(Status.PENDING);

        mvc.perform(multipart("/portal/tickets/" + ticket.value() + "/messages")
                        .file(new MockMultipartFile("files", "счёт.pdf", "application/pdf", "PDF".getBytes()))
                        .param("body", "Вот счёт").session(annasBrowser).with(csrf()))
                .andExpect(redirectedUrl("/portal/tickets/" + ticket.value()));
        Document sent = page("/portal/tickets/" + ticket.value());
        assertThat(sent.select(".alert.ok").text()).isEqualTo("Сообщение отправлено в поддержку.");
        assertThat(sent.select("#conversation article").last().text()).contains("Вот счёт", "счёт.pdf");
        assertThat(sent.select("[data-testid=ticket-status]").text()).isEqualTo("В работе");
        MessageView stored = conversations.of(ticket).getLast();
        assertThat(stored.channel()).isEqualTo(Channel.PORTAL);
    }

    @Test
    void aSolvedTicketOffersToConfirmOrReopen() throws Exception {
        TicketId confirm = open(anna, "Решено?");
        updates.change(confirm, TicketChanges.none().withStatus(Status.SOLVED), null);
        Document solved = page("/portal/tickets/" + confirm.value());
        assertThat(solved.select("[data-testid=solved-box] button").eachText())
                .containsExactly("Проблема решена — закрыть", "Ещё не решена — открыть снова");

        mvc.perform(post("/portal/tickets/" + confirm.value() + "/confirm").session(annasBrowser).with(csrf()))
                .andExpect(redirectedUrl("/portal/tickets/" + confirm.value()));
        Document closed = page("/portal/tickets/" + confirm.value());
        assertThat(closed.select(".alert.ok").text()).isEqualTo("Спасибо! Обращение закрыто.");
        assertThat(closed.select("[data-testid=ticket-status]").text()).isEqualTo("Закрыто");
        assertThat(closed.select("[data-testid=solved-box]")).isEmpty();
        assertThat(queries.details(confirm).status()).isEqualTo(Status.CLOSED);

        TicketId reopen = open(anna, "Не решено");
        updates.change(reopen, TicketChanges.none().withStatus(Status.SOLVED), null);
        mvc.perform(post("/portal/tickets/" + reopen.value() + "/reopen").session(annasBrowser).with(csrf()))
                .andExpect(redirectedUrl("/portal/tickets/" + reopen.value()));
        assertThat(page("/portal/tickets/" + reopen.value()).select("[data-testid=ticket-status]").text())
                .isEqualTo("В работе");
        assertThat(queries.details(reopen).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void aReplyToAClosedTicketLandsInANewLinkedRequest() throws Exception {
        TicketId old = open(anna, "Сломался ноутбук");
        updates.change(old, TicketChanges.none().withStatus(Status.SOLVED), null);
        mvc.perform(post("/portal/tickets/" + old.value() + "/confirm").session(annasBrowser).with(csrf()));
        assertThat(page("/portal/tickets/" + old.value()).select("#reply h2").text()).isEqualTo("Написать снова");

        String target = mvc.perform(multipart("/portal/tickets/" + old.value() + "/messages")
                        .param("body", "Снова сломался").session(annasBrowser).with(csrf()))
                .andExpect(redirectedUrlPattern("/portal/tickets/*")).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).isNotEqualTo("/portal/tickets/" + old.value());

        Document followUp = page(target);
        String oldReference = queries.details(old).reference();
        assertThat(followUp.select("[data-testid=ticket-subject]").text()).isEqualTo("Re: Сломался ноутбук " + unique);
        assertThat(followUp.select(".alert.ok").text()).startsWith("Прежнее обращение было закрыто");
        assertThat(followUp.select("#links [data-relation=FOLLOW_UP_OF]").text()).startsWith("Продолжает")
                .contains(oldReference);
        assertThat(followUp.select("#conversation").text()).contains("Снова сломался");
        assertThat(page("/portal/tickets/" + old.value()).select("#links [data-relation=FOLLOWED_UP_BY]")).hasSize(1);
        assertThat(page("/portal/tickets").select("[data-ticket]")).hasSize(2);

        String supervisor = TestStaff.add(agents, Role.SUPERVISOR, TicketScope.ALL, Set.of(), Locale.of("ru"));
        Document agentPage = Jsoup.parse(mvc.perform(get("/tickets/" + old.value())
                .with(user(staff.loadUserByUsername(supervisor)))).andReturn().getResponse().getContentAsString());
        assertThat(agentPage.select("#links [data-relation=FOLLOWED_UP_BY]").text()).startsWith("Продолжен в");
        assertThat(agentPage.select("#history").text()).contains("написал(а) после закрытия — открыт тикет");
    }

    @Test
    void theProfileChangesNameAndLanguageAndSetsAPassword() throws Exception {
        Document profile = page("/portal/profile");
        assertThat(profile.select("#profile-name").val()).isEqualTo("Анна Порталова");
        assertThat(profile.select("#password h2").text()).isEqualTo("Задать пароль");

        mvc.perform(post("/portal/profile").param("name", "  ").param("language", "ru").session(annasBrowser)
                .with(csrf())).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/portal/profile").param("name", "Анна <b>Новая</b>").param("language", "en")
                .session(annasBrowser).with(csrf())).andExpect(redirectedUrl("/portal/profile"));
        Document english = page("/portal/profile");
        assertThat(english.select("h1").text()).isEqualTo("Profile");
        assertThat(english.select(".alert.ok").text()).isEqualTo("Profile saved.");
        assertThat(english.select("[data-testid=portal-customer-name]").text()).isEqualTo("Анна <b>Новая</b>");
        assertThat(english.select("main b")).isEmpty();
        assertThat(customers.card(anna).name()).isEqualTo("Анна <b>Новая</b>");
        assertThat(accounts.languageOf(anna.value())).contains(Locale.ENGLISH);

        Document mismatch = Jsoup.parse(mvc.perform(post("/portal/profile/password").param("password", "one password")
                        .param("repeat", "another one").session(annasBrowser).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(mismatch.select("#password [role=alert]").text()).isEqualTo("The passwords do not match.");
        mvc.perform(post("/portal/profile/password").param("password", "my new password")
                .param("repeat", "my new password").session(annasBrowser).with(csrf()))
                .andExpect(redirectedUrl("/portal/profile"));
        assertThat(page("/portal/profile").select("#password h2").text()).isEqualTo("Change the password");

        MockHttpSession laptop = new MockHttpSession();
        mvc.perform(post("/portal/login").param("email", customers.card(anna).email())
                        .param("password", "my new password").session(laptop).with(csrf()))
                .andExpect(redirectedUrl("/portal"));
        assertThat(Jsoup.parse(mvc.perform(get("/portal/tickets").session(laptop)).andReturn().getResponse()
                .getContentAsString()).select("h1").text()).as("the chosen language follows the customer")
                .isEqualTo("My requests");
    }

    @Test
    void everyPortalPageSpeaksRussianAndEnglish() throws Exception {
        TicketId ticket = open(anna, "Язык");
        record Expect(String path, String selector, String russian, String english) {
        }
        for (Expect e : List.of(new Expect("/portal/tickets", "h1", "Мои обращения", "My requests"),
                new Expect("/portal/tickets/" + ticket.value(), "#reply button", "Отправить", "Send"),
                new Expect("/portal/tickets/" + ticket.value(), "[data-testid=ticket-status]", "Получено", "Received"),
                new Expect("/portal/profile", "h1", "Профиль", "Profile"),
                new Expect("/portal/profile", "#password h2", "Задать пароль", "Set a password"))) {
            assertThat(page(e.path() + "?lang=ru").select(e.selector()).text()).isEqualTo(e.russian());
            assertThat(page(e.path() + "?lang=en").select(e.selector()).text()).isEqualTo(e.english());
        }
        MockHttpSession stranger = new MockHttpSession();
        assertThat(Jsoup.parse(mvc.perform(get("/portal/login?lang=ru").session(stranger)).andReturn().getResponse()
                .getContentAsString()).select("h1").text()).isEqualTo("Вход в портал поддержки");
        Document english = Jsoup.parse(mvc.perform(get("/portal/login?lang=en").session(stranger)).andReturn()
                .getResponse().getContentAsString());
        assertThat(english.select("h1").text()).isEqualTo("Sign in to the support portal");
        assertThat(english.select("#link-sign-in button").text()).isEqualTo("Send me a link");
        assertThat(english.select("#password-sign-in button").text()).isEqualTo("Sign in");
    }

    @Test
    void anOrganizationsManagerSeesColleaguesTicketsAndOthersOnlyTheirOwn() throws Exception {
        String domain = "romashka-" + unique + ".test";
        TestStaff.asAdmin(() -> customers.createOrganization("Ромашка " + unique, domain));
        CustomerId manager = customers.register(new NewCustomer("Иван Начальников", "ivan@" + domain, null, null));
        CustomerId colleague = customers.register(new NewCustomer("Пётр Сотрудников", "petr@" + domain, null, null));
        TicketId colleagues = open(colleague, "Не работает VPN у Петра");
        TestStaff.asAdmin(() -> {
            customers.allowOrganizationTickets(manager, true);
            return null;
        });

        MockHttpSession managersBrowser = TestCustomers.signIn(mvc, links, manager);
        Document list = Jsoup.parse(mvc.perform(get("/portal/tickets").session(managersBrowser)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(row(list, colleagues)).contains("Не работает VPN у Петра " + unique);
        mvc.perform(get("/portal/tickets/" + colleagues.value()).session(managersBrowser))
                .andExpect(status().isOk());

        MockHttpSession colleaguesBrowser = TestCustomers.signIn(mvc, links, colleague);
        TicketId managers = open(manager, "Заявка начальника");
        mvc.perform(get("/portal/tickets/" + managers.value()).session(colleaguesBrowser))
                .andExpect(status().isNotFound());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(annasBrowser)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static String row(Document page, TicketId ticket) {
        return page.select("[data-ticket=" + ticket.value() + "]").text();
    }

    private TicketId open(CustomerId requester, String subject) {
        return intake.open(new NewTicket(subject + " " + unique, "Описание: " + subject, requester, Channel.EMAIL,
                null, null, null, null, Set.of(), List.of()));
    }

    private static NewAttachment file(String name) {
        return new NewAttachment(name, "text/plain", new ByteArrayResource(("файл " + name)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
