package io.otklik.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.identity.Role;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Customers and organizations, as any agent works with them. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerPagesTests extends PostgresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AgentDirectory agents;

    String agent;
    String marker;

    @BeforeEach
    void staff() {
        agent = TestStaff.add(agents, Role.AGENT);
        marker = TestStaff.unique();
    }

    @Test
    void agentAddsACustomerOpensTheirCardAndFindsThemByNameEmailOrPhone() throws Exception {
        String email = "marina." + marker + "@mail.example";
        String phoneDigits = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String card = mvc.perform(post("/customers").with(as(agent)).with(csrf()).param("name", "Марина " + marker)
                        .param("email", email).param("phone", "+7 921 55" + phoneDigits.substring(0, 1) + "-"
                                + phoneDigits.substring(1) + "-17")
                        .param("organizationId", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/customers/*?registered"))
                .andReturn().getResponse().getRedirectedUrl();

        Document page = page(get(card));
        String id = card.substring("/customers/".length(), card.indexOf('?'));
        assertThat(page.select("[data-testid=customer-card] h1").text()).isEqualTo("Марина " + marker);
        assertThat(page.select("[data-testid=customer-card]").text()).contains(email, "без организации");
        assertThat(page.select("[data-testid=customer-tickets]").attr("href"))
                .isEqualTo("/queues/all?requester=" + id);

        assertThat(rows(page(get("/customers").param("q", "МАРИНА " + marker)))).singleElement().asString()
                .contains(email);
        assertThat(rows(page(get("/customers").param("q", email.substring(0, 12))))).singleElement().asString()
                .contains("Марина " + marker);
        assertThat(rows(page(get("/customers").param("q", phoneDigits.substring(1) + "-17"))))
                .anyMatch(row -> row.contains(email));
        assertThat(page(get("/customers").param("q", "никого-такого-" + marker)).select("#customer-list").text())
                .isEqualTo("По запросу «никого-такого-" + marker + "» никого не нашлось.");
    }

    @Test
    void searchAskedByHtmxAnswersWithTheListOnly() throws Exception {
        mvc.perform(post("/customers").with(as(agent)).with(csrf()).param("name", "Пётр " + marker)
                .param("email", "petr." + marker + "@mail.example")).andExpect(status().is3xxRedirection());

        String html = mvc.perform(get("/customers").param("q", marker).header("HX-Request", "true").with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("<html", "<form");
        assertThat(Jsoup.parseBodyFragment(html).select("#customer-list [data-testid=customer-row]").text())
                .contains("Пётр " + marker);
    }

    @Test
    void customerJoinsTheOrganizationOfTheirEmailDomain() throws Exception {
        String domain = "romashka-" + marker + ".example";
        mvc.perform(post("/customers/organizations").with(as(agent)).with(csrf())
                        .param("name", "ООО «Ромашка " + marker + "»").param("domain", "@" + domain.toUpperCase()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/customers/organizations"));
        assertThat(page(get("/customers/organizations")).select("[data-testid=organization-row]").eachText())
                .contains("ООО «Ромашка " + marker + "» " + domain);

        String card = mvc.perform(post("/customers").with(as(agent)).with(csrf()).param("name", "Иван Петров")
                        .param("email", "i.petrov@" + domain).param("organizationId", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(page(get(card)).select("[data-testid=organization]").text())
                .isEqualTo("ООО «Ромашка " + marker + "»");
    }

    @Test
    void aSecondOrganizationWithTheSameDomainIsRefusedNextToTheDomain() throws Exception {
        String domain = "twice-" + marker + ".example";
        mvc.perform(post("/customers/organizations").with(as(agent)).with(csrf()).param("name", "Первая")
                .param("domain", domain)).andExpect(status().is3xxRedirection());

        Document page = Jsoup.parse(mvc.perform(post("/customers/organizations").with(as(agent)).with(csrf())
                        .param("name", "Вторая").param("domain", domain))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#domain-error").text()).isEqualTo("Организация с доменом " + domain + " уже есть.");
        assertThat(page.select("input[name=name]").val()).isEqualTo("Вторая");
    }

    @Test
    void aNameWithMarkupIsShownAsTextNeverRunAsScript() throws Exception {
        String name = "<script>alert(1)</script> " + marker;
        String card = mvc.perform(post("/customers").with(as(agent)).with(csrf()).param("name", name)
                        .param("email", "xss." + marker + "@mail.example"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        for (String html : new String[] {body(get(card)), body(get("/customers").param("q", marker))}) {
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; " + marker)
                    .doesNotContain("<script>alert(1)</script>");
        }
    }

    @Test
    void aCustomerWithoutEmailOrPhoneIsRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/customers").with(as(agent)).with(csrf())
                        .param("name", "Без контактов " + marker).param("email", "").param("phone", "abc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#phone-error").text())
                .isEqualTo("Телефон: от 5 до 40 символов — цифры, пробелы, скобки, дефис и «+».");
        assertThat(page.select("input[name=name]").val()).isEqualTo("Без контактов " + marker);
        assertThat(page.select("input[name=phone]").val()).isEqualTo("abc");

        page = Jsoup.parse(mvc.perform(post("/customers").with(as(agent)).with(csrf())
                        .param("name", "Без контактов " + marker).param("email", "").param("phone", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#email-error").text()).isEqualTo("Укажите email или телефон клиента.");
    }

    @Test
    void aCustomerEmailCanBeRegisteredOnlyOnce() throws Exception {
        String email = "once." + marker + "@mail.example";
        mvc.perform(post("/customers").with(as(agent)).with(csrf()).param("name", "Первый").param("email", email))
                .andExpect(status().is3xxRedirection());

        Document page = Jsoup.parse(mvc.perform(post("/customers").with(as(agent)).with(csrf())
                        .param("name", "Второй").param("email", email.toUpperCase()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#email-error").text()).isEqualTo("Клиент с адресом " + email + " уже есть.");
    }

    private List<String> rows(Document page) {
        return page.select("[data-testid=customer-row]").eachText();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(body(request));
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(agent))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
