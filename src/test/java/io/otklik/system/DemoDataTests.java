package io.otklik.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.otklik.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A first start with demo data switched on fills the empty database with a service desk one can try at once.
 * It has a database of its own (demo data loads only into an empty one, and must not leak into other tests),
 * so it does not extend {@code PostgresTest}, whose dynamic properties would also outrank a
 * {@code @TestPropertySource} switching demo data on.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTests {

    @DynamicPropertySource
    static void demoDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("otklik-demo-test-");
        registry.add("spring.datasource.url", () -> TestDatabase.url("demo"));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("otklik.data-dir", dataDir::toString);
        registry.add("otklik.demo-data", () -> "true");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void holdsAboutFiftyTicketsInEveryStatusPriorityAndChannel() {
        Map<String, Long> byStatus = countBy("status");
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("NEW", "OPEN", "PENDING", "ON_HOLD", "SOLVED",
                "CLOSED");
        assertThat(byStatus.values()).allMatch(count -> count >= 4);
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isBetween(45L, 60L);
        assertThat(countBy("priority").keySet()).containsExactlyInAnyOrder("CRITICAL", "HIGH", "MEDIUM", "LOW");
        assertThat(countBy("channel").keySet()).contains("EMAIL", "WEB_FORM", "PHONE", "API", "PORTAL", "CHAT");
        assertThat(count("select count(*) from ticket where assignee_id is not null")).isGreaterThan(30);
        assertThat(count("select count(*) from ticket where category_id is null")).isZero();
        assertThat(count("select count(distinct ticket_id) from ticket_tag")).isGreaterThan(40);
    }

    @Test
    void conversationsHaveCustomerMessagesAgentRepliesNotesAndFiles() {
        assertThat(count("select count(*) from ticket_message where author_type = 'CUSTOMER'"))
                .isEqualTo(count("select count(*) from ticket"));
        assertThat(count("select count(*) from ticket_message where author_type = 'AGENT' and kind = 'PUBLIC_REPLY'"))
                .isGreaterThan(35);
        assertThat(count("select count(*) from ticket_message where kind = 'INTERNAL_NOTE'")).isGreaterThan(15);
        assertThat(jdbc.sql("select distinct file_name from ticket_attachment").query(String.class).list())
                .containsExactlyInAnyOrder("error.log", "screenshot.png");
        List<String> noteAuthors = jdbc.sql("select distinct author_name from ticket_message "
                + "where kind = 'INTERNAL_NOTE'").query(String.class).list();
        assertThat(noteAuthors).contains("Мария Козлова", "Игорь Фёдоров", "Павел Соколов");
        assertThat(count("select count(*) from ticket_history where field = 'team' and old_value is not null"))
                .as("escalations to another line").isGreaterThanOrEqualTo(5);
    }

    @Test
    void staffTeamsCustomersAndOrganizationsAreThere() {
        assertThat(jdbc.sql("select name from team order by name").query(String.class).list())
                .containsExactly("Вторая линия — биллинг", "Вторая линия — сеть и доступ", "Первая линия",
                        "Разработка");
        assertThat(count("select count(*) from agent")).isBetween(8L, 10L);
        assertThat(count("select count(*) from agent where ticket_scope = 'OWN_TEAMS'")).isGreaterThan(2);
        assertThat(count("select count(*) from organization where domain is not null")).isEqualTo(6);
        assertThat(count("select count(*) from customer")).isBetween(28L, 32L);
        assertThat(count("select count(*) from customer where organization_id is not null")).isGreaterThan(20);
        assertThat(jdbc.sql("select name from ticket_category order by position").query(String.class).list())
                .containsExactly("Доступ и пароли", "Биллинг и оплата", "Сбой сервиса", "Вопрос по работе",
                        "Пожелание");
    }

    @Test
    void someCustomersHaveSeveralAddressesAreVipHaveAContractOrManageTheirOrganization() {
        assertThat(count("select count(*) from (select customer_id from customer_contact where kind = 'EMAIL' "
                + "group by customer_id having count(*) > 1) several")).as("customers with two emails")
                .isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from customer_contact where kind = 'TELEGRAM'")).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from customer_contact where kind = 'PHONE'")).isGreaterThanOrEqualTo(10);
        assertThat(count("select count(*) from customer_segment cs join segment s on s.id = cs.segment_id "
                + "where s.name = 'VIP'")).isBetween(3L, 6L);
        assertThat(jdbc.sql("select name from customer_field").query(String.class).list()).containsExactly("Договор");
        assertThat(count("select count(*) from customer_field_value")).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select name from customer where sees_organization_tickets").query(String.class).list())
                .containsExactly("Иван Петров");
    }

    @Test
    void theDemoAdministratorSignsInWithTheDocumentedPassword() throws Exception {
        mvc.perform(formLogin().user("admin@otklik.local").password("otklik-demo")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("m.kozlova@otklik.local").password("otklik-demo"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theStartUpNoticeSaysWhereAndHowToSignIn(CapturedOutput output) {
        assertThat(output.getOut()).contains("http://localhost:8080").contains("admin@otklik.local / otklik-demo");
    }

    private Map<String, Long> countBy(String column) {
        return jdbc.sql("select " + column + " as k, count(*) as n from ticket group by " + column)
                .query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
