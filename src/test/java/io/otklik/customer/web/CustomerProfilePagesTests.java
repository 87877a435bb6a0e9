package io.otklik.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.customer.ContactKind;
import io.otklik.customer.CustomField;
import io.otklik.customer.CustomFieldType;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerFields;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

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

/** The customer's page: addresses, segments, custom fields, the manager switch, tickets, merging duplicates. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerProfilePagesTests extends PostgresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AgentDirectory agents;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    CustomerFields fields;

    @Autowired
    TicketIntake intake;

    String agent;
    String supervisor;
    String marker;

    @BeforeEach
    void staff() {
        agent = TestStaff.add(agents, Role.AGENT);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        marker = TestStaff.unique();
    }

    @Test
    void anAgentAddsAddressesAndAnotherCustomersAddressIsRefusedNextToTheField() throws Exception {
        CustomerId owner = customers.register(new NewCustomer("Владелец " + marker, "owner-" + marker
                + "@mail.example", null, null));
        CustomerId customer = customers.register(new NewCustomer("Клиент " + marker, "client-" + marker
                + "@mail.example", null, null));

        Document refused = Jsoup.parse(mvc.perform(post("/customers/{id}/contacts", customer.value()).with(as(agent))
                        .with(csrf()).param("kind", "EMAIL").param("value", "OWNER-" + marker + "@mail.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#contact-value-error").text()).isEqualTo("Адрес owner-" + marker
                + "@mail.example уже принадлежит клиенту «Владелец " + marker + "».");
        assertThat(refused.select("#contact-value").val()).isEqualTo("OWNER-" + marker + "@mail.example");
        assertThat(refused.select("#contact-kind option[selected]").val()).isEqualTo("EMAIL");

        mvc.perform(post("/customers/{id}/contacts", customer.value()).with(as(agent)).with(csrf())
                        .param("kind", "TELEGRAM").param("value", "@client_" + marker))
                .andExpect(redirectedUrl("/customers/" + customer.value() + "#contacts"));
        mvc.perform(post("/customers/{id}/contacts", customer.value()).with(as(agent)).with(csrf())
                .param("kind", "PHONE").param("value", "+7 (999) 000-11-22 доб. 5"))
                .andExpect(status().isOk());

        Document page = page(agent, get("/customers/{id}", customer.value()));
        assertThat(page.select("[data-testid=contact]").eachText()).containsExactly(
                "Email client-" + marker + "@mail.example основной Убрать",
                "Telegram @client_" + marker + " Убрать");
        assertThat(customers.findByContact(ContactKind.EMAIL, "owner-" + marker + "@mail.example"))
                .contains(owner);
    }

    @Test
    void customFieldErrorsAreShownNextToEachFieldWithWhatWasTyped() throws Exception {
        String seats = "seats_" + marker;
        String renewal = "renewal_" + marker;
        String plan = "plan_" + marker;
        TestStaff.asAdmin(() -> {
            fields.define(new CustomField(seats, "Рабочих мест " + marker, CustomFieldType.NUMBER, List.of()));
            fields.define(new CustomField(renewal, "Продление " + marker, CustomFieldType.DATE, List.of()));
            fields.define(new CustomField(plan, "Тариф " + marker, CustomFieldType.CHOICE,
                    List.of("Старт", "Бизнес")));
            return null;
        });
        CustomerId customer = customers.register(new NewCustomer("Поля " + marker, "fields-" + marker
                + "@mail.example", null, null));

        Document page = Jsoup.parse(mvc.perform(post("/customers/{id}/fields", customer.value()).with(as(agent))
                        .with(csrf()).param("field." + seats, "двадцать").param("field." + renewal, "30.02.2025")
                        .param("field." + plan, "Бизнес"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#field-" + seats + "-error").text()).isEqualTo("Нужно число, например 1500 или 12,5.");
        assertThat(page.select("#field-" + seats).val()).isEqualTo("двадцать");
        assertThat(page.select("#field-" + renewal + "-error").text())
                .isEqualTo("Нужна дата, например 31.03.2025 или 2025-03-31.");
        assertThat(page.select("#field-" + renewal).val()).isEqualTo("30.02.2025");
        assertThat(page.select("#field-" + plan + " option[selected]").val()).isEqualTo("Бизнес");
        assertThat(page.select("#field-" + plan + "-error")).isEmpty();
        assertThat(fields.valuesOf(customer)).isEmpty();

        mvc.perform(post("/customers/{id}/fields", customer.value()).with(as(agent)).with(csrf())
                        .param("field." + seats, "20").param("field." + renewal, "28.02.2025")
                        .param("field." + plan, "Бизнес"))
                .andExpect(redirectedUrl("/customers/" + customer.value() + "#fields"));
        Document saved = page(agent, get("/customers/{id}", customer.value()));
        assertThat(saved.select("#field-" + renewal).val()).isEqualTo("2025-02-28");
        assertThat(saved.select("#field-" + seats).val()).isEqualTo("20");

        Document english = page(agent, post("/customers/{id}/fields", customer.value()).with(csrf())
                .param("field." + seats, "много").header("Accept-Language", "en"));
        assertThat(english.select("#field-" + seats + "-error").text())
                .isEqualTo("A number is needed, for example 1500 or 12.5.");
    }

    @Test
    void anAgentPutsACustomerInASegmentAndTakesThemOut() throws Exception {
        CustomerId customer = customers.register(new NewCustomer("Вип " + marker, "vip-" + marker + "@mail.example",
                null, null));

        mvc.perform(post("/customers/{id}/segments", customer.value()).with(as(agent)).with(csrf())
                .param("segment", "VIP")).andExpect(redirectedUrl("/customers/" + customer.value() + "#segments"));

        Document page = page(agent, get("/customers/{id}", customer.value()));
        assertThat(page.select("[data-testid=segment-badges]").text()).isEqualTo("VIP");
        assertThat(page.select("#segment option").eachText()).doesNotContain("VIP");
        assertThat(page(agent, get("/customers/segments")).select("[data-testid=segment-row]").eachText())
                .anyMatch(row -> row.startsWith("VIP"));

        mvc.perform(post("/customers/{id}/segments/remove", customer.value()).with(as(agent)).with(csrf())
                .param("segment", "VIP")).andExpect(status().is3xxRedirection());
        assertThat(page(agent, get("/customers/{id}", customer.value())).select("[data-testid=segment-badges]").text())
                .isEqualTo("не входит ни в один");
    }

    @Test
    void supervisorsManageSegmentsAndOnlyAdministratorsAddFields() throws Exception {
        mvc.perform(post("/customers/segments").with(as(supervisor)).with(csrf()).param("name", "Партнёры " + marker))
                .andExpect(redirectedUrl("/customers/segments"));
        Document refused = Jsoup.parse(mvc.perform(post("/customers/segments").with(as(agent)).with(csrf())
                        .param("name", "Агентский " + marker))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("[data-testid=not-allowed]").text())
                .isEqualTo("Управлять сегментами могут руководители и администраторы.");
        Document taken = page(supervisor, post("/customers/segments").with(csrf()).param("name", "партнёры " + marker));
        assertThat(taken.select("#name-error").text()).isEqualTo("Сегмент «партнёры " + marker + "» уже есть.");
        assertThat(taken.select("#name").val()).isEqualTo("партнёры " + marker);

        mvc.perform(post("/customers/fields").with(as(supervisor)).with(csrf()).param("key", "f" + marker)
                .param("name", "Поле").param("type", "TEXT")).andExpect(status().isForbidden());
        String admin = TestStaff.add(agents, Role.ADMIN);
        Document invalid = page(admin, post("/customers/fields").with(csrf()).param("key", "f" + marker)
                .param("name", "Тариф " + marker).param("type", "CHOICE").param("options", " \n "));
        assertThat(invalid.select("#options-error").text()).isEqualTo("Перечислите варианты выбора, по одному в строке.");
        assertThat(invalid.select("input[name=name]").val()).isEqualTo("Тариф " + marker);
        mvc.perform(post("/customers/fields").with(as(admin)).with(csrf()).param("key", "f" + marker)
                        .param("name", "Тариф " + marker).param("type", "CHOICE").param("options", "Старт\nБизнес"))
                .andExpect(redirectedUrl("/customers/fields"));
        assertThat(page(agent, get("/customers/fields")).select("[data-testid=field-row]").eachText())
                .contains("Тариф " + marker + " f" + marker + " Выбор из списка Старт, Бизнес");
    }

    @Test
    void supervisorsSwitchAnOrganizationsManagerAndAgentsOnlySeeIt() throws Exception {
        String domain = "mgr-" + marker + ".example";
        customers.createOrganization("Завод " + marker, domain);
        CustomerId manager = customers.register(new NewCustomer("Директор", "boss@" + domain, null, null));

        assertThat(page(agent, get("/customers/{id}", manager.value())).select("[data-testid=manager-form]")).isEmpty();
        mvc.perform(post("/customers/{id}/organization-manager", manager.value()).with(as(agent)).with(csrf())
                .param("sees", "true")).andExpect(status().isForbidden());
        mvc.perform(post("/customers/{id}/organization-manager", manager.value()).with(as(supervisor)).with(csrf())
                .param("sees", "true")).andExpect(redirectedUrl("/customers/" + manager.value() + "#organization"));

        assertThat(page(agent, get("/customers/{id}", manager.value())).select("[data-testid=manager-state]").text())
                .isEqualTo("Руководитель: видит все тикеты организации.");
        assertThat(customers.seesOrganizationTickets(manager)).isTrue();
    }

    @Test
    void thePageLoadsTheCustomersTicketsFromTheQueue() throws Exception {
        CustomerId customer = customers.register(new NewCustomer("С тикетами " + marker, "t-" + marker
                + "@mail.example", null, null));
        TicketId ticket = intake.open(new NewTicket("Не приходят письма " + marker, "Текст.", customer,
                Channel.EMAIL, null, null, null, null, Set.of(), List.of()));

        Document page = page(agent, get("/customers/{id}", customer.value()));
        String list = page.select("[data-testid=customer-ticket-list]").attr("hx-get");
        assertThat(list).isEqualTo("/queues/all?requester=" + customer.value());
        assertThat(page.select("[data-testid=customer-ticket-list]").attr("hx-trigger")).isEqualTo("load");

        String fragment = mvc.perform(get(list).header("HX-Request", "true").with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parseBodyFragment(fragment).select("table.tickets tbody tr").text())
                .contains("Не приходят письма " + marker, "OTK-" + ticket.value());
    }

    @Test
    void aSupervisorFindsTheDuplicateConfirmsAndTheDuplicateLeadsToTheCustomerAfterwards() throws Exception {
        CustomerId target = customers.register(new NewCustomer("Олег Смирнов " + marker, "oleg-" + marker
                + "@work.example", null, null));
        CustomerId duplicate = customers.register(new NewCustomer("Олег С. " + marker, null, "+7 913 "
                + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000)), null));
        intake.open(new NewTicket("Звонок " + marker, "Текст.", duplicate, Channel.PHONE, null, null, null, null,
                Set.of(), List.of()));

        assertThat(page(agent, get("/customers/{id}", target.value())).select("#merge")).isEmpty();
        assertThat(page(supervisor, get("/customers/{id}", target.value())).select("#merge form").attr("action"))
                .isEqualTo("/customers/" + target.value() + "/merge");

        Document search = page(supervisor, get("/customers/{id}/merge", target.value()).param("q", marker));
        assertThat(search.select("[data-testid=merge-candidate]").eachText()).singleElement().asString()
                .startsWith("Олег С. " + marker);
        Document confirm = page(supervisor, get("/customers/{id}/merge", target.value())
                .param("duplicate", Long.toString(duplicate.value())));
        assertThat(confirm.select("[data-testid=merge-confirm]").text())
                .contains("Тикеты, адреса, сегменты и поля клиента «Олег С. " + marker + "» перейдут к клиенту «Олег "
                        + "Смирнов " + marker + "».");
        mvc.perform(post("/customers/{id}/merge", target.value()).with(as(agent)).with(csrf())
                .param("duplicate", Long.toString(duplicate.value()))).andExpect(status().isForbidden());

        mvc.perform(post("/customers/{id}/merge", target.value()).with(as(supervisor)).with(csrf())
                        .param("duplicate", Long.toString(duplicate.value())))
                .andExpect(redirectedUrl("/customers/" + target.value()));

        mvc.perform(get("/customers/{id}", duplicate.value()).with(as(agent)))
                .andExpect(redirectedUrl("/customers/" + target.value() + "?mergedFrom=" + duplicate.value()));
        Document after = page(agent, get("/customers/{id}", target.value())
                .param("mergedFrom", Long.toString(duplicate.value())));
        assertThat(after.select("[data-testid=merged]").text()).startsWith("Клиент «Олег С. " + marker
                + "» объединён с этим клиентом");
        assertThat(after.select("[data-testid=contact]").eachText()).hasSize(2);
        assertThat(page(agent, get("/customers").param("q", marker)).select("[data-testid=customer-row]").eachText())
                .singleElement().asString().startsWith("Олег Смирнов " + marker);

        Document again = page(supervisor, post("/customers/{id}/merge", target.value()).with(csrf())
                .param("duplicate", Long.toString(target.value())));
        assertThat(again.select("[data-testid=merge-error]").text()).isEqualTo("Клиента нельзя объединить с самим собой.");
    }

    private Document page(String login, MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(login))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
