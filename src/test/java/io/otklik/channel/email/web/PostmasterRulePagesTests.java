package io.otklik.channel.email.web;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.channel.email.PostmasterAction;
import io.otklik.channel.email.PostmasterCondition;
import io.otklik.channel.email.PostmasterCondition.Field;
import io.otklik.channel.email.PostmasterCondition.Operator;
import io.otklik.channel.email.PostmasterRuleAdministration;
import io.otklik.channel.email.PostmasterRuleDetails;
import io.otklik.channel.email.PostmasterRuleId;
import io.otklik.channel.email.PostmasterRuleView;
import io.otklik.identity.Role;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Priority;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The postmaster rules screen: administrators write rules in a form of condition rows and actions, reorder,
 * switch off and delete them, and try the saved rules on a pasted mail; mistakes are shown next to their row in
 * the reader's language and nothing is saved; supervisors look, agents are kept out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PostmasterRulePagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired Categories categories;
    @Autowired PostmasterRuleAdministration administration;

    String admin;
    String supervisor;
    String mark;

    @BeforeEach
    void staff() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        mark = "pm" + TestStaff.unique();
    }

    @AfterEach
    void removeRules() {
        asAdmin(() -> {
            administration.rules().stream().filter(rule -> rule.name().contains(mark))
                    .forEach(rule -> administration.delete(rule.id()));
            return null;
        });
    }

    @Test
    void anAdminWritesARuleThatTheListSummarizesInRussianAndEnglish() throws Exception {
        String team = "Антиспам " + mark;
        long teamId = asAdmin(() -> agents.createTeam(team, SupportLine.L2)).value();
        String category = "Подозрительное " + mark;
        long categoryId = asAdmin(() -> categories.create(category));
        String name = "Спам " + mark;
        Form form = form(name);
        form.condition(0, "FROM", "", "CONTAINS", "@spam.example");
        form.condition(2, "HEADER", "X-Spam-Flag", "EQUALS", "YES");
        form.add("tags", "Спам, проверить вручную");
        form.add("team", Long.toString(teamId));
        form.add("category", Long.toString(categoryId));
        form.add("priority", "LOW");

        mvc.perform(post("/admin/postmaster-rules").with(as(admin)).with(csrf()).params(form))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/postmaster-rules"));

        Element ru = row(page(get("/admin/postmaster-rules"), supervisor, "ru"), name);
        assertThat(ru.selectFirst("[data-testid=when]").text())
                .isEqualTo("Отправитель содержит «@spam.example» и Заголовок X-Spam-Flag равно «YES»");
        assertThat(ru.selectFirst("[data-testid=then]").text()).isEqualTo("Метка «спам»; Метка «проверить-вручную»; "
                + "Команда: " + team + "; Категория: " + category + "; Приоритет: Низкий");
        assertThat(ru.selectFirst("[data-testid=state]").text()).isEqualTo("Включено");

        Element en = row(page(get("/admin/postmaster-rules"), supervisor, "en"), name);
        assertThat(en.selectFirst("[data-testid=when]").text())
                .isEqualTo("Sender contains \"@spam.example\" and Header X-Spam-Flag equals \"YES\"");
        assertThat(en.selectFirst("[data-testid=then]").text()).isEqualTo("Tag \"спам\"; Tag \"проверить-вручную\"; "
                + "Team: " + team + "; Category: " + category + "; Priority: Low");

        PostmasterRuleView saved = rule(name);
        assertThat(saved.conditions()).containsExactly(PostmasterCondition.of(Field.FROM, Operator.CONTAINS,
                "@spam.example"), PostmasterCondition.header("X-Spam-Flag", Operator.EQUALS, "YES"));
        assertThat(saved.actions()).containsExactly(PostmasterAction.tag("спам"),
                PostmasterAction.tag("проверить-вручную"), PostmasterAction.team(teamId),
                PostmasterAction.category(categoryId), PostmasterAction.priority(Priority.LOW));
    }

    @Test
    void anInvalidRegularExpressionIsRefusedNextToItsRowAndNothingIsSaved() throws Exception {
        String name = "Счета " + mark;
        Form form = form(name);
        form.condition(1, "SUBJECT", "", "MATCHES", "(счёт|invoice");
        form.add("tags", "счета");

        Document ru = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules").with(as(admin)).with(csrf())
                        .header("Accept-Language", "ru").params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(ru.selectFirst("#condition-1-value-error").text())
                .isEqualTo("Регулярное выражение с ошибкой в позиции 14: Unclosed group.");
        assertThat(ru.selectFirst("input[name='conditions[1].value']").val()).isEqualTo("(счёт|invoice");
        assertThat(ru.selectFirst("input[name='conditions[1].value']").attr("aria-invalid")).isEqualTo("true");
        assertThat(ru.selectFirst("select[name='conditions[1].operator'] option[selected]").val())
                .isEqualTo("MATCHES");
        assertThat(ru.selectFirst("input[name=tags]").val()).isEqualTo("счета");

        Document en = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules").with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("#condition-1-value-error").text())
                .isEqualTo("The regular expression has an error at position 14: Unclosed group.");

        assertThat(names()).doesNotContain(name);
    }

    @Test
    void aRuleWithoutConditionsOrActionsOrNameIsRefusedWithEveryReason() throws Exception {
        Form form = form(" ");
        form.condition(3, "SUBJECT", "X-Mailer", "CONTAINS", "");
        Document ru = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules").with(as(admin)).with(csrf())
                        .header("Accept-Language", "ru").params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(ru.selectFirst("#name-error").text()).isEqualTo("Введите название.");
        assertThat(ru.selectFirst("#condition-3-header-error").text())
                .isEqualTo("Имя заголовка нужно только для поля «Заголовок»: выберите его или очистите имя.");
        assertThat(ru.selectFirst("#condition-3-value-error").text()).isEqualTo("Введите значение для сравнения.");
        assertThat(ru.select("[data-testid=global-errors] p").eachText())
                .containsExactly("Выберите хотя бы одно действие.");

        Form dropping = form("Отбросить и пометить " + mark);
        dropping.condition(0, "SUBJECT", "", "CONTAINS", mark);
        dropping.add("drop", "true");
        dropping.add("tags", "x");
        dropping.add("priority", "URGENT");
        Document en = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules").with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").params(dropping))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("#drop-error").text()).isEqualTo("A dropped mail becomes no ticket: tags, team, "
                + "category and priority make no sense together with dropping.");
        assertThat(en.selectFirst("#priority-error").text()).isEqualTo("There is no such priority: URGENT.");

        Form noConditions = form("Пустой " + mark);
        noConditions.add("tags", "x");
        Document empty = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules").with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").params(noConditions))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(empty.select("[data-testid=global-errors] p").eachText())
                .containsExactly("Add at least one condition.");
        assertThat(names()).noneMatch(name -> name.contains(mark));
    }

    @Test
    void anAdminChangesARuleAndDeletesIt() throws Exception {
        String name = "Рассылки " + mark;
        PostmasterRuleId id = create(name, List.of(PostmasterCondition.header("Precedence", Operator.EQUALS, "bulk")),
                List.of(PostmasterAction.drop()));

        Document edit = page(get("/admin/postmaster-rules/" + id), admin, "ru");
        assertThat(edit.selectFirst("input[name=name]").val()).isEqualTo(name);
        assertThat(edit.selectFirst("select[name='conditions[0].field'] option[selected]").val()).isEqualTo("HEADER");
        assertThat(edit.selectFirst("input[name='conditions[0].header']").val()).isEqualTo("Precedence");
        assertThat(edit.selectFirst("input[name='conditions[0].value']").val()).isEqualTo("bulk");
        assertThat(edit.select("[data-testid=condition-row]")).hasSize(4);
        assertThat(edit.selectFirst("input[name=drop]").hasAttr("checked")).isTrue();

        Form changed = form(name);
        changed.condition(0, "HEADER", "Precedence", "EQUALS", "list");
        changed.add("tags", "рассылка");
        changed.add("stopAfter", "true");
        mvc.perform(post("/admin/postmaster-rules/" + id).with(as(admin)).with(csrf()).params(changed))
                .andExpect(status().is3xxRedirection());
        Element row = row(page(get("/admin/postmaster-rules"), admin, "ru"), name);
        assertThat(row.selectFirst("[data-testid=when]").text()).isEqualTo("Заголовок Precedence равно «list»");
        assertThat(row.selectFirst("[data-testid=then]").text()).isEqualTo("Метка «рассылка»");
        assertThat(row.selectFirst("[data-testid=state]").text()).isEqualTo("Включено Последнее");

        mvc.perform(post("/admin/postmaster-rules/" + id + "/delete").with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(names()).contains(name);
        mvc.perform(post("/admin/postmaster-rules/" + id + "/delete").with(as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(names()).doesNotContain(name);
        mvc.perform(get("/admin/postmaster-rules/" + id).with(as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void rulesMoveUpAndDownAndSwitchOffAndOn() throws Exception {
        PostmasterRuleId first = create("Первое " + mark, subject(), List.of(PostmasterAction.tag("a")));
        PostmasterRuleId second = create("Второе " + mark, subject(), List.of(PostmasterAction.tag("b")));
        assertThat(order()).containsExactly("Первое " + mark, "Второе " + mark);
        Document list = page(get("/admin/postmaster-rules"), admin, "ru");
        assertThat(row(list, "Первое " + mark).selectFirst("[data-testid=order]").text())
                .isEqualTo(Integer.toString(names().indexOf("Первое " + mark) + 1));

        mvc.perform(post("/admin/postmaster-rules/" + second + "/move").param("direction", "up").with(as(admin))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(order()).containsExactly("Второе " + mark, "Первое " + mark);
        mvc.perform(post("/admin/postmaster-rules/" + second + "/move").param("direction", "down").with(as(admin))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(order()).containsExactly("Первое " + mark, "Второе " + mark);

        mvc.perform(post("/admin/postmaster-rules/" + first + "/enabled").param("enabled", "false").with(as(admin))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(row(page(get("/admin/postmaster-rules"), admin, "en"), "Первое " + mark)
                .selectFirst("[data-testid=state]").text()).isEqualTo("Off");
        assertThat(row(page(get("/admin/postmaster-rules"), admin, "en"), "Первое " + mark)
                .selectFirst("[data-testid=toggle]").text()).isEqualTo("Switch on");
    }

    @Test
    void theTestBoxTellsWhichRulesApplyToAPastedMailAndWhatHappens() throws Exception {
        String vip = "VIP " + mark;
        String other = "Другое " + mark;
        String off = "Выключенное " + mark;
        String stop = "Стоп " + mark;
        String after = "После стопа " + mark;
        create(vip, List.of(PostmasterCondition.of(Field.FROM, Operator.ENDS_WITH, "@bigclient.example"),
                PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark)),
                List.of(PostmasterAction.tag("vip"), PostmasterAction.priority(Priority.HIGH)));
        create(other, List.of(PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark),
                PostmasterCondition.of(Field.BODY, Operator.CONTAINS, "не встречается")),
                List.of(PostmasterAction.drop()));
        PostmasterRuleId offId = create(off, subject(), List.of(PostmasterAction.drop()));
        asAdmin(() -> {
            administration.enable(offId, false);
            return null;
        });
        asAdmin(() -> administration.create(new PostmasterRuleDetails(stop, true, true, subject(),
                List.of(PostmasterAction.tag("срочно")))));
        create(after, subject(), List.of(PostmasterAction.priority(Priority.LOW)));
        String mail = "From: Директор <boss@bigclient.example>\r\nSubject: Авария " + mark
                + "\r\n\r\nНичего не работает.\r\n";

        Document ru = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules/test").with(as(supervisor)).with(csrf())
                        .header("HX-Request", "true").header("Accept-Language", "ru").param("mail", mail))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(ru.selectFirst("[data-testid=test-from]").text()).isEqualTo("Директор <boss@bigclient.example>");
        assertThat(ru.selectFirst("[data-testid=test-subject]").text()).isEqualTo("Авария " + mark);
        assertThat(outcome(ru, vip)).isEqualTo("Сработало ✓✓");
        assertThat(outcome(ru, other)).isEqualTo("Не сработало ✓✗");
        assertThat(outcome(ru, off)).isEqualTo("Выключено ✓");
        assertThat(outcome(ru, stop)).isEqualTo("Сработало ✓");
        assertThat(outcome(ru, after)).isEqualTo("Не проверялось: остановлено раньше ✓");
        assertThat(ru.selectFirst("[data-testid=decision]").text()).isEqualTo("Письмо станет тикетом: "
                + "метки: vip, срочно приоритет: Важный Сработали правила: " + vip + ", " + stop);
        assertThat(ru.select("[data-testid=outcome-condition]").first().text())
                .isEqualTo("✓ выполнено: Отправитель заканчивается на «@bigclient.example»");

        // Without script the whole page comes back, with the mail kept in the box.
        Document en = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules/test").with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").param("mail", mail.replace("Авария", "Outage")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("h1").text()).isEqualTo("Incoming mail rules");
        assertThat(en.selectFirst("textarea[name=mail]").text()).contains("Subject: Outage " + mark);
        assertThat(outcome(en, after)).isEqualTo("Not checked: stopped earlier ✓");
        assertThat(en.selectFirst("[data-testid=decision]").text()).startsWith("The mail becomes a ticket with: "
                + "tags: vip, срочно priority: High");
    }

    @Test
    void theTestBoxSaysWhenTheMailWouldBeDroppedOrLeftAlone() throws Exception {
        create("Отбросить " + mark, List.of(PostmasterCondition.header("X-Spam-Flag", Operator.EQUALS, "YES"),
                PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark)), List.of(PostmasterAction.drop()));
        String headersOnly = "X-Spam-Flag: YES\nSubject: =?UTF-8?B?" + java.util.Base64.getEncoder()
                .encodeToString(("Выигрыш " + mark).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=\n";

        Document dropped = test(headersOnly, "ru");
        assertThat(dropped.selectFirst("[data-testid=decision]").text())
                .isEqualTo("Письмо будет отброшено: тикет не создаётся. Сработали правила: Отбросить " + mark);

        Document alone = test(headersOnly.replace("YES", "NO"), "en");
        assertThat(alone.selectFirst("[data-testid=decision]").text())
                .isEqualTo("No rule applies: the mail becomes a ticket as usual.");

        Document empty = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules/test").with(as(admin)).with(csrf())
                        .header("HX-Request", "true").header("Accept-Language", "ru").param("mail", "  "))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(empty.text()).isEqualTo("Вставьте письмо или его заголовки.");
    }

    @Test
    void aSupervisorLooksButCannotSaveAndAnAgentIsKeptOut() throws Exception {
        String name = "Чужое " + mark;
        Form form = form(name);
        form.condition(0, "SUBJECT", "", "CONTAINS", mark);
        form.add("tags", "x");
        Document refused = Jsoup.parse(mvc.perform(post("/admin/postmaster-rules").with(as(supervisor)).with(csrf())
                        .header("Accept-Language", "ru").params(form))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(refused.selectFirst("[data-testid=not-allowed]").text())
                .isEqualTo("Менять правила почты могут только администраторы.");
        assertThat(refused.selectFirst("input[name='conditions[0].value']").val()).isEqualTo(mark);
        assertThat(names()).doesNotContain(name);
        page(get("/admin/postmaster-rules"), supervisor, "ru");
        page(get("/admin/postmaster-rules/new"), supervisor, "ru");

        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/postmaster-rules").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/postmaster-rules").with(as(agent)).with(csrf()).params(form))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/postmaster-rules/test").with(as(agent)).with(csrf()).param("mail", "Subject: x"))
                .andExpect(status().isForbidden());
        assertThat(names()).doesNotContain(name);
    }

    @Test
    void theAdminHomeAndTheAdminMenuLeadToTheRules() throws Exception {
        Document home = page(get("/admin"), supervisor, "ru");
        Element tile = home.selectFirst("[data-screen=postmaster-rules] h2 a");
        assertThat(tile.attr("href") + " " + tile.text()).isEqualTo("/admin/postmaster-rules Правила входящей почты");
        assertThat(home.select("[data-screen]").eachAttr("data-screen"))
                .containsSubsequence("mail-accounts", "postmaster-rules");

        Document list = page(get("/admin/postmaster-rules"), supervisor, "en");
        Element current = list.selectFirst("nav.subnav a[aria-current=page]");
        assertThat(current.attr("href") + " " + current.text()).isEqualTo("/admin/postmaster-rules Mail rules");
    }

    private List<PostmasterCondition> subject() {
        return List.of(PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark));
    }

    private PostmasterRuleId create(String name, List<PostmasterCondition> conditions,
            List<PostmasterAction> actions) {
        return asAdmin(() -> administration.create(new PostmasterRuleDetails(name, true, false, conditions, actions)));
    }

    private PostmasterRuleView rule(String name) {
        return asAdmin(() -> administration.rules()).stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private List<String> names() {
        return asAdmin(() -> administration.rules()).stream().map(PostmasterRuleView::name).toList();
    }

    /** The names of this test's rules in the order the list shows them. */
    private List<String> order() throws Exception {
        return page(get("/admin/postmaster-rules"), admin, "ru").select("[data-testid=rule] [data-testid=name]")
                .eachText().stream().filter(name -> name.contains(mark)).toList();
    }

    /** A rule's line in the test result: what became of it, then a mark for each condition. */
    private static String outcome(Document result, String name) {
        Element row = result.select("[data-testid=outcome]").stream()
                .filter(r -> r.selectFirst("[data-testid=outcome-name]").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + name));
        StringBuilder marks = new StringBuilder();
        row.select("[data-testid=outcome-condition]")
                .forEach(c -> marks.append("true".equals(c.attr("data-held")) ? "✓" : "✗"));
        return row.selectFirst("[data-testid=outcome-result]").text() + " " + marks;
    }

    private Document test(String mail, String language) throws Exception {
        return Jsoup.parse(mvc.perform(post("/admin/postmaster-rules/test").with(as(admin)).with(csrf())
                        .header("HX-Request", "true").header("Accept-Language", language).param("mail", mail))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Element row(Document list, String name) {
        return list.select("[data-testid=rule]").stream()
                .filter(row -> row.selectFirst("[data-testid=name]").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + name + " in the list"));
    }

    private static Form form(String name) {
        Form form = new Form();
        form.add("name", name);
        form.add("enabled", "true");
        for (int row = 0; row < 4; row++) {
            form.condition(row, "SUBJECT", "", "CONTAINS", "");
        }
        return form;
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(login)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    /** The form's fields as a browser sends them. */
    static final class Form extends LinkedMultiValueMap<String, String> {

        void condition(int row, String field, String header, String operator, String value) {
            String at = "conditions[" + row + "].";
            put(at + "field", List.of(field));
            put(at + "header", List.of(header));
            put(at + "operator", List.of(operator));
            put(at + "value", List.of(value));
        }
    }
}
