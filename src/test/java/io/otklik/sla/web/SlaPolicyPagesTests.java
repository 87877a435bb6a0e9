package io.otklik.sla.web;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerSegments;
import io.otklik.identity.Role;
import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.CalendarDetails;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyDetails;
import io.otklik.sla.SlaPolicy;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyView;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The SLA policies screens: administrators add a policy with its conditions, targets and cap, reorder and switch
 * policies; mistakes are shown next to their field in the reader's language and nothing is saved; the default policy
 * keeps its place and has no conditions; supervisors look, agents are kept out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SlaPolicyPagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired SlaPolicyAdministration administration;
    @Autowired CalendarAdministration calendarAdministration;
    @Autowired BusinessCalendars calendars;
    @Autowired CustomerSegments segments;

    String admin;
    String supervisor;
    String mark;
    String vip;

    @BeforeEach
    void staffAndSegment() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        mark = TestStaff.unique();
        vip = "VIP " + mark;
        asAdmin(() -> {
            segments.create(vip);
            return null;
        });
    }

    @AfterEach
    void removePoliciesAndSegment() {
        asAdmin(() -> {
            administration.policies().stream().filter(p -> p.name().contains(mark))
                    .forEach(p -> administration.delete(p.id()));
            calendarAdministration.calendars().stream().filter(c -> c.name().contains(mark))
                    .forEach(c -> calendarAdministration.delete(c.id()));
            segments.delete(vip);
            return null;
        });
    }

    @Test
    void anAdminAddsAPolicyThatTheListSummarizesInRussianAndEnglish() throws Exception {
        TeamId team = asAdmin(() -> agents.createTeam("Вторая линия " + mark, SupportLine.L2));
        String name = "VIP и срочные " + mark;
        Form form = form(name, "15", "1:00", "2:30", "10:00");
        form.addAll("priorities", List.of("CRITICAL", "HIGH"));
        form.add("segments", vip.toUpperCase());
        form.add("segments", vip);
        form.add("teams", String.valueOf(team.value()));
        form.add("channels", "TELEGRAM");
        form.add("nextResponse[0]", "45");
        form.add("periodicUpdate[0]", "0:30");
        form.add("pausedIn", "PENDING");

        MvcResult created = mvc.perform(post("/admin/sla-policies").with(as(admin)).with(csrf()).params(form))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/sla-policies")).andReturn();

        SlaPolicy saved = policy(name);
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.conditions()).isEqualTo(new PolicyConditions(Set.of(Priority.CRITICAL,
                Priority.HIGH), Set.of(), Set.of(), Set.of(vip),
                Set.of(Channel.TELEGRAM), Set.of(team.value())));
        assertThat(saved.calendar()).isEqualTo(calendars.standardId());
        assertThat(saved.target(Priority.CRITICAL, ClockTarget.FIRST_RESPONSE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(saved.target(Priority.HIGH, ClockTarget.FIRST_RESPONSE)).isEqualTo(Duration.ofHours(1));
        assertThat(saved.target(Priority.LOW, ClockTarget.RESOLUTION)).isEqualTo(Duration.ofHours(10));
        assertThat(saved.target(Priority.CRITICAL, ClockTarget.NEXT_RESPONSE)).isEqualTo(Duration.ofMinutes(45));
        assertThat(saved.target(Priority.CRITICAL, ClockTarget.PERIODIC_UPDATE)).isEqualTo(Duration.ofMinutes(30));
        assertThat(saved.target(Priority.HIGH, ClockTarget.PERIODIC_UPDATE)).isNull();
        assertThat(saved.pausedIn()).containsExactly(Status.PENDING);
        assertThat(saved.firstResponseCap()).isEqualTo(Duration.ofHours(8));

        MockHttpServletRequestBuilder landing = get("/admin/sla-policies");
        created.getFlashMap().forEach(landing::flashAttr);
        Document ru = page(landing, admin, "ru");
        assertThat(ru.selectFirst("[data-testid=saved]").text()).isEqualTo("Политика «" + name + "» сохранена.");
        Element row = row(ru, name);
        assertThat(row.selectFirst("[data-testid=conditions]").text()).isEqualTo("Приоритет: критический, важный · "
                + "Сегмент: " + vip + " · Канал: Telegram · Команда: Вторая линия " + mark);
        assertThat(row.selectFirst("[data-testid=targets] [data-priority=CRITICAL]").text())
                .isEqualTo("Критический: 0:15 / 2:30");
        assertThat(row.selectFirst("[data-testid=calendar]").text()).isEqualTo("Основной календарь");
        List<Element> rows = ru.select("[data-testid=policy]");
        Element standard = rows.getLast();
        assertThat(standard.selectFirst("[data-testid=name]").text()).isEqualTo("Стандартный");
        assertThat(standard.selectFirst("[data-testid=default]").text()).isEqualTo("По умолчанию");
        assertThat(standard.selectFirst("[data-testid=conditions]").text()).isEqualTo("Все обращения");
        assertThat(standard.selectFirst("[data-testid=targets] [data-priority=LOW]").text())
                .isEqualTo("Низкий: 8:00 / 40:00");
        assertThat(standard.selectFirst("[data-testid=up]")).isNull();

        Element en = row(page(get("/admin/sla-policies"), supervisor, "en"), name);
        assertThat(en.selectFirst("[data-testid=conditions]").text()).isEqualTo("Priority: critical, high · "
                + "Segment: " + vip + " · Channel: Telegram · Team: Вторая линия " + mark);
        assertThat(en.selectFirst("[data-testid=up]")).isNull();

        Document edit = page(get("/admin/sla-policies/" + saved.id()), admin, "ru");
        assertThat(edit.select("select[name=priorities] option[selected]").eachAttr("value"))
                .containsExactly("CRITICAL", "HIGH");
        assertThat(edit.select("select[name=segments] option[selected]").eachAttr("value")).containsExactly(vip);
        assertThat(edit.selectFirst("input[name='firstResponse[0]']").val()).isEqualTo("0:15");
        assertThat(edit.selectFirst("input[name='periodicUpdate[1]']").val()).isEmpty();
        assertThat(edit.selectFirst("input[name=firstResponseCap]").val()).isEqualTo("8:00");
        assertThat(edit.select("input[name=pausedIn][checked]").eachAttr("value")).containsExactly("PENDING");
    }

    @Test
    void mistakesAreShownNextToTheirFieldInRussianAndEnglishAndNothingIsSaved() throws Exception {
        List<String> before = names();
        Form form = form(" ", "полчаса", "0", "1:75", "25:00");
        form.set("firstResponseCap", "24:01");
        form.add("resolution[2]", "9000:00");

        Document ru = refused(post("/admin/sla-policies"), form, "ru");
        assertThat(ru.selectFirst("#name-error").text()).isEqualTo("Введите название.");
        assertThat(ru.selectFirst("#firstResponse-0-error").text())
                .isEqualTo("«полчаса» — не срок: пишите минуты (90) или часы и минуты (1:30).");
        assertThat(ru.selectFirst("#firstResponse-1-error").text())
                .isEqualTo("Нулевой срок не годится: оставьте поле пустым, если срока нет.");
        assertThat(ru.selectFirst("#firstResponse-2-error").text())
                .isEqualTo("«1:75» — не срок: пишите минуты (90) или часы и минуты (1:30).");
        assertThat(ru.selectFirst("#resolution-2-error").text()).isEqualTo("Слишком долго: не больше 365 дней.");
        assertThat(ru.selectFirst("#firstResponse-3-error")).isNull();
        assertThat(ru.selectFirst("#firstResponseCap-error").text())
                .isEqualTo("Первый ответ — не позже чем через 24 ч после обращения, при любой политике.");
        assertThat(ru.selectFirst("input[name='firstResponse[0]']").val()).isEqualTo("полчаса");
        assertThat(ru.selectFirst("input[name='firstResponse[0]']").attr("aria-invalid")).isEqualTo("true");

        Document en = refused(post("/admin/sla-policies"), form, "en");
        assertThat(en.selectFirst("#name-error").text()).isEqualTo("Enter a name.");
        assertThat(en.selectFirst("#firstResponse-0-error").text())
                .isEqualTo("\"полчаса\" is not a duration: write minutes (90) or hours and minutes (1:30).");
        assertThat(en.selectFirst("#firstResponseCap-error").text())
                .isEqualTo("A first answer is due within 24 h of the request at the latest, whatever the policy.");

        Form noCap = form("Без предела " + mark, "30", "60", "240", "480");
        noCap.set("firstResponseCap", "");
        assertThat(refused(post("/admin/sla-policies"), noCap, "ru").selectFirst("#firstResponseCap-error").text())
                .isEqualTo("Укажите, не позже какого срока нужен первый ответ: не больше 24 ч.");

        Form taken = form("стандартный", "30", "60", "240", "480");
        taken.add("segments", "Нет такого " + mark);
        taken.add("pausedIn", "OPEN");
        Document takenEn = refused(post("/admin/sla-policies"), taken, "en");
        assertThat(takenEn.selectFirst("#name-error").text())
                .isEqualTo("There already is a policy \"стандартный\": choose another name.");
        assertThat(takenEn.selectFirst("#pausedIn-error").text())
                .isEqualTo("Clocks can stand still only in waiting statuses, not in \"Open\".");
        Document takenRu = refused(post("/admin/sla-policies"), taken, "ru");
        assertThat(takenRu.selectFirst("#segments-error").text())
                .isEqualTo("Сегмента «Нет такого " + mark + "» нет: сначала создайте его в разделе «Сегменты».");
        assertThat(takenRu.selectFirst("#pausedIn-error").text())
                .isEqualTo("Часы могут стоять только в статусах ожидания, а не «Открыт».");

        assertThat(names()).isEqualTo(before);
    }

    @Test
    void anEditThatFailsChangesNothingAndOneThatWorksIsSeen() throws Exception {
        mvc.perform(post("/admin/sla-policies").with(as(admin)).with(csrf())
                .params(form("Правка " + mark, "30", "60", "240", "480"))).andExpect(status().is3xxRedirection());
        SlaPolicy saved = policy("Правка " + mark);

        Form broken = form("Правка " + mark, "30", "60", "240", "480");
        broken.set("firstResponseCap", "48:00");
        broken.add("priorities", "LOW");
        refused(post("/admin/sla-policies/" + saved.id()), broken, "ru");
        assertThat(policy("Правка " + mark)).isEqualTo(saved);

        Form changed = form("Правка " + mark, "30", "60", "240", "480");
        changed.add("priorities", "LOW");
        changed.remove("enabled");
        mvc.perform(post("/admin/sla-policies/" + saved.id()).with(as(admin)).with(csrf()).params(changed))
                .andExpect(status().is3xxRedirection());
        SlaPolicy after = policy("Правка " + mark);
        assertThat(after.conditions().priorities()).containsExactly(Priority.LOW);
        assertThat(after.enabled()).isFalse();
        assertThat(row(page(get("/admin/sla-policies"), admin, "ru"), "Правка " + mark)
                .selectFirst("[data-testid=state]").text()).isEqualTo("Выключена");
    }

    @Test
    void policiesMoveUpAndDownAndSwitchOnAndOffButTheDefaultStaysLastAndOn() throws Exception {
        for (String name : List.of("Первая " + mark, "Вторая " + mark)) {
            mvc.perform(post("/admin/sla-policies").with(as(admin)).with(csrf())
                    .params(form(name, "30", "60", "240", "480"))).andExpect(status().is3xxRedirection());
        }
        SlaPolicy second = policy("Вторая " + mark);
        MvcResult moved = mvc.perform(post("/admin/sla-policies/" + second.id() + "/up").with(as(admin))
                .with(csrf())).andExpect(redirectedUrl("/admin/sla-policies")).andReturn();
        assertThat(moved.getFlashMap().get("moved")).isEqualTo("Вторая " + mark);
        assertThat(ours()).containsExactly("Вторая " + mark, "Первая " + mark);
        mvc.perform(post("/admin/sla-policies/" + second.id() + "/down").with(as(admin)).with(csrf()));
        assertThat(ours()).containsExactly("Первая " + mark, "Вторая " + mark);

        mvc.perform(post("/admin/sla-policies/" + second.id() + "/disable").with(as(admin)).with(csrf()));
        assertThat(policy("Вторая " + mark).enabled()).isFalse();
        mvc.perform(post("/admin/sla-policies/" + second.id() + "/enable").with(as(admin)).with(csrf()));
        assertThat(policy("Вторая " + mark).enabled()).isTrue();

        Document list = page(get("/admin/sla-policies"), admin, "ru");
        List<Element> rows = list.select("[data-testid=policy]");
        Element lastAboveDefault = rows.get(rows.size() - 2);
        assertThat(lastAboveDefault.selectFirst("[data-testid=name]").text()).isEqualTo("Вторая " + mark);
        assertThat(lastAboveDefault.selectFirst("[data-testid=down]").hasAttr("disabled")).isTrue();
        assertThat(lastAboveDefault.selectFirst("[data-testid=up]").hasAttr("disabled")).isFalse();

        SlaPolicyView standard = asAdmin(() -> administration.policies()).getLast();
        MvcResult off = mvc.perform(post("/admin/sla-policies/" + standard.id() + "/disable").with(as(admin))
                .with(csrf()).header("Accept-Language", "ru")).andReturn();
        assertThat(off.getFlashMap().get("refused"))
                .isEqualTo("Политику «Стандартный» нельзя выключить: она действует по умолчанию.");
        MvcResult up = mvc.perform(post("/admin/sla-policies/" + standard.id() + "/up").with(as(admin))
                .with(csrf()).header("Accept-Language", "en")).andReturn();
        assertThat(up.getFlashMap().get("refused")).isEqualTo("Policy \"Стандартный\" is the default and always "
                + "comes last.");
        MvcResult delete = mvc.perform(post("/admin/sla-policies/" + standard.id() + "/delete").with(as(admin))
                .with(csrf()).header("Accept-Language", "ru")).andReturn();
        assertThat(delete.getFlashMap().get("refused"))
                .isEqualTo("Политику «Стандартный» нельзя удалить: она действует по умолчанию.");
        assertThat(asAdmin(() -> administration.policies()).getLast()).isEqualTo(standard);

        var deleted = mvc.perform(post("/admin/sla-policies/" + second.id() + "/delete").with(as(admin))
                .with(csrf())).andExpect(redirectedUrl("/admin/sla-policies")).andReturn();
        assertThat(deleted.getFlashMap().get("deleted")).isEqualTo("Вторая " + mark);
        assertThat(ours()).containsExactly("Первая " + mark);
        mvc.perform(get("/admin/sla-policies/" + second.id()).with(as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void theDefaultPolicysTargetsCanBeChangedButNotItsConditions() throws Exception {
        SlaPolicyView standard = asAdmin(() -> administration.policies()).getLast();
        Document page = page(get("/admin/sla-policies/" + standard.id()), admin, "ru");
        assertThat(page.selectFirst("[data-testid=conditions]")).isNull();
        assertThat(page.selectFirst("input[name=enabled]")).isNull();
        assertThat(page.selectFirst("[data-testid=delete]")).isNull();
        assertThat(page.selectFirst("[data-testid=default-about]").text()).startsWith("Это политика по умолчанию");
        assertThat(page.selectFirst("input[name='resolution[3]']").val()).isEqualTo("40:00");

        try {
            Form form = form("Стандартный", "30", "60", "240", "480");
            form.set("firstResponse[0]", "20");
            form.add("priorities", "CRITICAL");
            form.remove("enabled");
            mvc.perform(post("/admin/sla-policies/" + standard.id()).with(as(admin)).with(csrf()).params(form))
                    .andExpect(status().is3xxRedirection());
            SlaPolicy changed = asAdmin(() -> administration.policy(standard.id())).policy();
            assertThat(changed.target(Priority.CRITICAL, ClockTarget.FIRST_RESPONSE))
                    .isEqualTo(Duration.ofMinutes(20));
            assertThat(changed.conditions()).isEqualTo(PolicyConditions.ANY);
            assertThat(changed.enabled()).isTrue();
        } finally {
            asAdmin(() -> {
                administration.update(standard.id(), PolicyDetails.of(standard.policy()));
                return null;
            });
        }
    }

    @Test
    void aCalendarInUseIsNotDeletedAndThePageSaysWhy() throws Exception {
        String calendarName = "Календарь политики " + mark;
        BusinessCalendarId calendar = asAdmin(() -> calendarAdministration.create(new CalendarDetails(calendarName,
                "UTC", true, List.of(), "")));
        Form form = form("Круглосуточная " + mark, "30", "60", "240", "480");
        form.set("calendar", calendar.toString());
        mvc.perform(post("/admin/sla-policies").with(as(admin)).with(csrf()).params(form))
                .andExpect(status().is3xxRedirection());

        MvcResult refused = mvc.perform(post("/admin/calendars/" + calendar + "/delete").with(as(admin)).with(csrf())
                        .header("Accept-Language", "ru"))
                .andExpect(redirectedUrl("/admin/calendars/" + calendar)).andReturn();
        assertThat(refused.getFlashMap().get("refused")).isEqualTo("Календарь «" + calendarName + "» нельзя "
                + "удалить: по нему считаются сроки политик SLA (Круглосуточная " + mark + "). Сначала выберите в них "
                + "другой календарь.");
        MockHttpServletRequestBuilder landing = get("/admin/calendars/" + calendar);
        refused.getFlashMap().forEach(landing::flashAttr);
        assertThat(page(landing, admin, "ru").selectFirst("[data-testid=refused]").text())
                .startsWith("Календарь «" + calendarName + "» нельзя удалить");
        assertThat(asAdmin(() -> calendarAdministration.calendar(calendar)).name()).isEqualTo(calendarName);
        assertThat(row(page(get("/admin/sla-policies"), admin, "ru"), "Круглосуточная " + mark)
                .selectFirst("[data-testid=calendar]").text()).isEqualTo(calendarName);
    }

    @Test
    void aSupervisorLooksButCannotSaveAndAnAgentIsKeptOut() throws Exception {
        String name = "Чужая " + mark;
        Document refused = Jsoup.parse(mvc.perform(post("/admin/sla-policies").with(as(supervisor)).with(csrf())
                        .header("Accept-Language", "ru").params(form(name, "30", "60", "240", "480")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(refused.selectFirst("[data-testid=not-allowed]").text())
                .isEqualTo("Менять политики SLA могут только администраторы.");
        assertThat(refused.selectFirst("input[name=name]").val()).isEqualTo(name);
        assertThat(names()).doesNotContain(name);

        SlaPolicyView standard = asAdmin(() -> administration.policies()).getLast();
        Document view = page(get("/admin/sla-policies/" + standard.id()), supervisor, "ru");
        assertThat(view.selectFirst("[data-testid=save]")).isNull();
        Document list = page(get("/admin/sla-policies"), supervisor, "ru");
        assertThat(list.selectFirst("[data-testid=add]")).isNull();
        assertThat(list.selectFirst("[data-testid=toggle]")).isNull();

        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/sla-policies").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sla-policies").with(as(agent)).with(csrf())
                .params(form(name, "30", "60", "240", "480"))).andExpect(status().isForbidden());
        assertThat(names()).doesNotContain(name);
    }

    @Test
    void theAdminHomeAndTheAdminMenuLeadToThePolicies() throws Exception {
        Document home = page(get("/admin"), supervisor, "ru");
        Element tile = home.selectFirst("[data-screen=sla-policies] h2 a");
        assertThat(tile.attr("href") + " " + tile.text()).isEqualTo("/admin/sla-policies Политики SLA");
        assertThat(home.selectFirst("[data-screen=sla-policies] .tile-count").text())
                .isEqualTo("Политик: " + names().size());

        Document list = page(get("/admin/sla-policies"), supervisor, "en");
        Element current = list.selectFirst("nav.subnav a[aria-current=page]");
        assertThat(current.attr("href") + " " + current.text()).isEqualTo("/admin/sla-policies SLA policies");
    }

    private SlaPolicy policy(String name) {
        return asAdmin(() -> administration.policies()).stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + name)).policy();
    }

    private List<String> names() {
        return asAdmin(() -> administration.policies()).stream().map(SlaPolicyView::name).toList();
    }

    private List<String> ours() {
        return names().stream().filter(name -> name.contains(mark)).toList();
    }

    private Document refused(MockHttpServletRequestBuilder request, Form form, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(admin)).with(csrf()).header("Accept-Language", language)
                        .params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
    }

    private static Element row(Document list, String name) {
        return list.select("[data-testid=policy]").stream()
                .filter(row -> row.selectFirst("[data-testid=name]").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no policy " + name + " in the list"));
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(login)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    /**
     * The policy form as a browser sends it: on, the default calendar, the first response target of each priority
     * (critical first), resolution 2:30 for critical and the last value for low, a cap of 8 hours.
     */
    private Form form(String name, String critical, String high, String medium, String low) {
        Form form = new Form();
        form.add("name", name);
        form.add("enabled", "true");
        form.add("calendar", calendars.standardId().toString());
        List<String> first = List.of(critical, high, medium, low);
        for (int i = 0; i < 4; i++) {
            form.add("firstResponse[" + i + "]", first.get(i));
        }
        form.add("resolution[0]", "2:30");
        form.add("resolution[3]", low.contains(":") ? low : "10:00");
        form.add("firstResponseCap", "8:00");
        return form;
    }

    static final class Form extends LinkedMultiValueMap<String, String> {
    }
}
