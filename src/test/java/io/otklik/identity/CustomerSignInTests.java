package io.otklik.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Customers sign in to the portal with a password or a one-time link, apart from staff: neither sign-in opens
 * the other side, and one browser can hold both.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CustomerSignInTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerAccounts accounts;
    @Autowired CustomerSignInLinks links;
    @Autowired AgentDirectory agents;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    // Password

    @Test
    void signsInWithAPasswordAndSeesTheirRequests() throws Exception {
        Customer anna = customer("Анна Паролева");
        accounts.setPassword(anna.id().value(), "long enough password");
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post("/portal/login").param("email", anna.email().toUpperCase(Locale.ROOT))
                        .param("password", "long enough password").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal"));

        String page = mvc.perform(get("/portal/tickets").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("Мои обращения");
        assertThat(Jsoup.parse(page).select("[data-testid=portal-customer-name]").text()).isEqualTo("Анна Паролева");
        assertThat(jdbc.sql("select password_hash from customer_credential where customer_id = ?")
                .param(anna.id().value()).query(String.class).single()).startsWith("{argon2}$argon2id$");
    }

    @Test
    void aWrongPasswordSaysSoKeepsTheAddressAndRepeatedFailuresLockForAWhile() throws Exception {
        Customer boris = customer("Борис Ошибкин");
        accounts.setPassword(boris.id().value(), "the right password");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/portal/login").param("email", boris.email()).param("password", "wrong " + i)
                            .with(csrf()))
                    .andExpect(redirectedUrl("/portal/login?failed&email=" + boris.email().replace("@", "%40")));
        }
        String target = mvc.perform(post("/portal/login").param("email", boris.email())
                .param("password", "the right password").with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/portal/login?throttled=");

        Document page = Jsoup.parse(mvc.perform(get(target)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text()).startsWith("Слишком много неудачных попыток входа.");
        Document failed = Jsoup.parse(mvc.perform(get("/portal/login").param("failed", "")
                .param("email", boris.email())).andReturn().getResponse().getContentAsString());
        assertThat(failed.select("[role=alert]").text()).isEqualTo("Неверный email или пароль.");
        assertThat(failed.select("#email").val()).isEqualTo(boris.email());
        assertThat(audit.findByActorOrderByIdAsc(boris.email())).extracting(AuditEvent::action)
                .contains("portal-sign-in.failed", "portal-sign-in.throttled");
    }

    @Test
    void aCustomerWithoutAPasswordCannotSignInWithOne() throws Exception {
        Customer vera = customer("Вера Безпарольная");
        mvc.perform(post("/portal/login").param("email", vera.email()).param("password", "").with(csrf()))
                .andExpect(redirectedUrl("/portal/login?failed&email=" + vera.email().replace("@", "%40")));
        mvc.perform(post("/portal/login").param("email", vera.email()).param("password", "anything-at-all")
                .with(csrf())).andExpect(redirectedUrl("/portal/login?failed&email=" + vera.email().replace("@", "%40")));
    }

    // Links

    @Test
    void asksForALinkAndTheMailEventCarriesAWorkingToken() throws Exception {
        Customer gleb = customer("Глеб Ссылкин");

        mvc.perform(post("/portal/login/link").param("email", "  " + gleb.email() + " ").with(csrf()))
                .andExpect(redirectedUrl("/portal/login/link-sent"));

        List<CustomerSignInLinkRequested> sent = events.stream(CustomerSignInLinkRequested.class).toList();
        assertThat(sent).hasSize(1);
        CustomerSignInLinkRequested mail = sent.getFirst();
        assertThat(mail.customerId()).isEqualTo(gleb.id().value());
        assertThat(mail.email()).isEqualTo(gleb.email());
        assertThat(mail.language()).isEqualTo("ru");
        assertThat(mail.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.sql("select count(*) from customer_sign_in_link where token_hash = ?")
                .param(ApiTokens.sha256(mail.token())).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from customer_sign_in_link where token_hash = ?")
                .param(mail.token()).query(Long.class).single()).as("the token itself is not stored").isZero();

        MockHttpSession session = new MockHttpSession();
        Document page = Jsoup.parse(mvc.perform(get("/portal/link/{t}", mail.token()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Вход в портал поддержки");
        mvc.perform(post("/portal/link/{t}", mail.token()).session(session).with(csrf()))
                .andExpect(redirectedUrl("/portal/tickets"));
        mvc.perform(get("/portal/tickets").session(session)).andExpect(status().isOk());
    }

    @Test
    void theLinkPageSaysTheSameWhetherTheAddressIsKnownOrNot() throws Exception {
        Customer dina = customer("Дина Известная");

        String known = linkSentPage(dina.email());
        String unknown = linkSentPage("nobody-" + TestStaff.unique() + "@client.example");

        assertThat(events.stream(CustomerSignInLinkRequested.class)).hasSize(1);
        assertThat(strip(known, dina.email())).isEqualTo(strip(unknown, "nobody-"));
        assertThat(Jsoup.parse(known).select("h1").text()).isEqualTo("Проверьте почту");
        assertThat(Jsoup.parse(known).text()).contains("в течение 30 мин");
    }

    @Test
    void aLinkWorksOnceAndThenSaysItWasUsedAndOffersANewOne() throws Exception {
        Customer egor = customer("Егор Одноразов");
        String token = links.issue(egor.id().value(), Duration.ofMinutes(30));
        MockHttpSession first = new MockHttpSession();
        mvc.perform(post("/portal/link/{t}", token).session(first).with(csrf()))
                .andExpect(redirectedUrl("/portal/tickets"));

        MockHttpSession second = new MockHttpSession();
        Document again = Jsoup.parse(mvc.perform(get("/portal/link/{t}", token).session(second))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString());
        assertThat(again.select("h1").text()).isEqualTo("Эта ссылка уже использована");
        assertThat(again.select("form#new-link").attr("action")).isEqualTo("/portal/login/link");
        assertThat(again.select("form#new-link button").text()).isEqualTo("Прислать новую ссылку");

        Document used = Jsoup.parse(mvc.perform(post("/portal/link/{t}", token).session(second).with(csrf()))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString());
        assertThat(used.select("[data-link-state]").attr("data-link-state")).isEqualTo("USED");
        mvc.perform(get("/portal/tickets").session(second)).andExpect(redirectedUrl("/portal/login"));

        mvc.perform(post("/portal/login/link").param("email", egor.email()).session(second).with(csrf()))
                .andExpect(redirectedUrl("/portal/login/link-sent"));
        assertThat(events.stream(CustomerSignInLinkRequested.class)).hasSize(1);
    }

    @Test
    void anExpiredLinkSaysSoInTheCustomersLanguageAndSignsNobodyIn() throws Exception {
        Customer zoya = customer("Зоя Опоздалова");
        String token = links.issue(zoya.id().value(), Duration.ofMillis(1));
        Thread.sleep(20);
        MockHttpSession session = new MockHttpSession();

        Document page = Jsoup.parse(mvc.perform(get("/portal/link/{t}", token).session(session))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Срок действия ссылки истёк");
        assertThat(page.select("form#new-link button").text()).isEqualTo("Прислать новую ссылку");

        Document english = Jsoup.parse(mvc.perform(post("/portal/link/{t}", token).param("lang", "en")
                .session(session).with(csrf())).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString());
        assertThat(english.select("h1").text()).isEqualTo("This link has expired");
        assertThat(english.select("form#new-link button").text()).isEqualTo("Send me a new link");
        mvc.perform(get("/portal/tickets").session(session)).andExpect(redirectedUrl("/portal/login"));
    }

    @Test
    void anUnknownLinkSaysItDoesNotWork() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/portal/link/{t}", "made-up-token-" + TestStaff.unique()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Ссылка не работает");
        assertThat(page.select("form#new-link")).hasSize(1);
    }

    @Test
    void aCustomerGetsAtMostAFewLinksAnHour() throws Exception {
        Customer ilya = customer("Илья Настойчивый");
        for (int i = 0; i < 7; i++) {
            mvc.perform(post("/portal/login/link").param("email", ilya.email()).with(csrf()))
                    .andExpect(redirectedUrl("/portal/login/link-sent"));
        }
        assertThat(events.stream(CustomerSignInLinkRequested.class)).hasSize(5);
    }

    @Test
    void anAddressThatIsNoAddressIsAskedForAgain() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/portal/login/link").param("email", "not an address")
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#link-sign-in .field-error").text())
                .isEqualTo("Укажите адрес электронной почты, на который вы писали в поддержку.");
        assertThat(page.select("#link-email").val()).isEqualTo("not an address");
        assertThat(events.stream(CustomerSignInLinkRequested.class)).isEmpty();
    }

    @Test
    void theLinkMailIsInTheLanguageTheCustomerChose() throws Exception {
        Customer kate = customer("Kate Englishwoman");
        accounts.changeLanguage(kate.id().value(), Locale.ENGLISH);
        mvc.perform(post("/portal/login/link").param("email", kate.email()).with(csrf()));
        assertThat(events.stream(CustomerSignInLinkRequested.class).findFirst().orElseThrow().language())
                .isEqualTo("en");
    }

    // Staff and customers apart

    @Test
    void aCustomerSessionOpensNeitherTheWorkspaceNorTheApi() throws Exception {
        Customer lev = customer("Лев Любопытный");
        MockHttpSession session = TestCustomers.signIn(mvc, links, lev.id());

        mvc.perform(get("/queues/mine").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/tickets/1001").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/settings").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/events").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/tickets").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/customers").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/tickets").session(session).contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void staffSignInsDoNotOpenThePortalAndStaffPasswordsDoNotWorkThere() throws Exception {
        String staff = TestStaff.add(agents, Role.SUPERVISOR, TicketScope.ALL, Set.of(), Locale.of("ru"));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").param("username", staff).param("password", TestStaff.PASSWORD).session(session)
                .with(csrf())).andExpect(redirectedUrl("/"));
        mvc.perform(get("/queues/mine").session(session)).andExpect(status().isOk());

        mvc.perform(get("/portal/tickets").session(session)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(post("/portal/login").param("email", staff).param("password", TestStaff.PASSWORD)
                .session(session).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .startsWith("/portal/login?failed"));
    }

    @Test
    void customerPasswordsDoNotWorkOnTheStaffSignIn() throws Exception {
        Customer maria = customer("Мария Клиентова");
        accounts.setPassword(maria.id().value(), "customer password");
        mvc.perform(post("/login").param("username", maria.email()).param("password", "customer password")
                .with(csrf())).andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                .startsWith("/login?failed"));
    }

    @Test
    void oneBrowserHoldsAnAgentAndACustomerAndSigningOutOfThePortalKeepsTheAgent() throws Exception {
        String staff = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.of("ru"));
        Customer nina = customer("Нина Двойная");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").param("username", staff).param("password", TestStaff.PASSWORD).session(session)
                .with(csrf())).andExpect(redirectedUrl("/"));
        TestCustomers.signIn(mvc, links, nina.id(), session);

        mvc.perform(get("/queues/mine").session(session)).andExpect(status().isOk());
        mvc.perform(get("/portal/tickets").session(session)).andExpect(status().isOk());

        mvc.perform(post("/portal/logout").session(session).with(csrf()))
                .andExpect(redirectedUrl("/portal/login?signedOut"));
        mvc.perform(get("/portal/tickets").session(session)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/queues/mine").session(session)).andExpect(status().isOk());
    }

    @Test
    void passwordsAreRefusedWhenTooShort() {
        Customer oleg = customer("Олег Короткий");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> accounts.setPassword(oleg.id().value(),
                "short"))).isInstanceOf(io.otklik.shared.RuleViolationException.class);
        assertThat(accounts.hasPassword(oleg.id().value())).isFalse();
    }

    private record Customer(CustomerId id, String email) {
    }

    private Customer customer(String name) {
        String email = TestCustomers.email();
        CustomerId id = customers.register(new io.otklik.customer.NewCustomer(name, email, null, null));
        return new Customer(id, email);
    }

    private String linkSentPage(String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult posted = mvc.perform(post("/portal/login/link").param("email", email).session(session)
                .with(csrf())).andExpect(redirectedUrl("/portal/login/link-sent")).andReturn();
        return mvc.perform(get("/portal/login/link-sent").session(session)
                        .flashAttrs(posted.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String strip(String page, String address) {
        return Jsoup.parse(page).select("main").text().replaceAll("\\S*" + java.util.regex.Pattern.quote(address)
                + "\\S*", "ADDRESS");
    }
}
