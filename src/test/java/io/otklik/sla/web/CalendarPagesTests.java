package io.otklik.sla.web;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.identity.Role;
import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.CalendarDay;
import io.otklik.sla.CalendarDetails;
import io.otklik.sla.CalendarView;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The business calendars screens: administrators write a calendar's hours per weekday, its dated holidays and
 * working days, import holidays from an iCalendar file and preview its working time; mistakes are shown next to
 * their field in the reader's language and nothing is saved; supervisors look, agents are kept out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarPagesTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired AgentDirectory agents;
    @Autowired CalendarAdministration administration;
    @Autowired BusinessCalendars calendars;

    String admin;
    String supervisor;
    String mark;

    @BeforeEach
    void staff() {
        admin = TestStaff.add(agents, Role.ADMIN);
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        mark = TestStaff.unique();
    }

    @AfterEach
    void removeCalendars() {
        asAdmin(() -> {
            BusinessCalendarId standard = calendars.standardId();
            CalendarView made = administration.calendars().stream()
                    .filter(c -> c.isDefault() && c.name().contains(mark)).findFirst().orElse(null);
            if (made != null) {
                administration.calendars().stream().filter(c -> c.name().equals("Основной календарь"))
                        .findFirst().ifPresent(c -> administration.makeDefault(c.id()));
            }
            administration.calendars().stream().filter(c -> c.name().contains(mark) && !c.id().equals(standard)
                    || made != null && c.id().equals(made.id())).forEach(c -> administration.delete(c.id()));
            return null;
        });
    }

    @Test
    void anAdminAddsACalendarThatTheListSummarizesInRussianAndEnglish() throws Exception {
        String name = "Берлинский офис " + mark;
        Form form = form(name, "Europe/Berlin", "14:00-18:00, 9:00-13:00", "09:00-13:00,14:00-18:00",
                "09:00-13:00, 14:00-18:00", "09:00-13:00, 14:00-18:00", "09:00-13:00, 14:00-18:00", "10:00–14:00",
                "");

        var created = mvc.perform(post("/admin/calendars").with(as(admin)).with(csrf()).params(form))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        CalendarView saved = calendar(name);
        assertThat(location).isEqualTo("/admin/calendars/" + saved.id());
        assertThat(saved.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(saved.country()).isNull();
        assertThat(saved.details().hours()).containsExactly("09:00-13:00, 14:00-18:00", "09:00-13:00, 14:00-18:00",
                "09:00-13:00, 14:00-18:00", "09:00-13:00, 14:00-18:00", "09:00-13:00, 14:00-18:00", "10:00-14:00",
                "");

        Element ru = row(page(get("/admin/calendars"), supervisor, "ru"), name);
        assertThat(ru.selectFirst("[data-testid=zone]").text()).isEqualTo("Europe/Berlin");
        assertThat(ru.selectFirst("[data-testid=hours]").text())
                .isEqualTo("пн–пт 09:00-13:00, 14:00-18:00; сб 10:00-14:00");
        assertThat(ru.selectFirst("[data-testid=holidays]").text()).isEqualTo("Без производственного календаря");
        Element en = row(page(get("/admin/calendars"), supervisor, "en"), name);
        assertThat(en.selectFirst("[data-testid=hours]").text())
                .isEqualTo("Mon–Fri 09:00-13:00, 14:00-18:00; Sat 10:00-14:00");
        assertThat(en.selectFirst("[data-testid=holidays]").text()).isEqualTo("No production calendar");

        MockHttpServletRequestBuilder landing = get(location);
        created.getFlashMap().forEach(landing::flashAttr);
        Document edit = page(landing, admin, "ru");
        assertThat(edit.selectFirst("[data-testid=saved]").text()).isEqualTo("Календарь «" + name + "» сохранён.");
        assertThat(edit.selectFirst("select[name=zone] option[selected]").val()).isEqualTo("Europe/Berlin");
        assertThat(edit.selectFirst("input[name='hours[5]']").val()).isEqualTo("10:00-14:00");
        assertThat(edit.selectFirst("input[name='hours[6]']").val()).isEmpty();
    }

    @Test
    void theDefaultCalendarIsListedWithTheSettingsItWasMadeFrom() throws Exception {
        Document list = page(get("/admin/calendars"), supervisor, "ru");
        Element standard = list.select("[data-testid=calendar]").stream()
                .filter(r -> r.selectFirst("[data-testid=default]") != null).findFirst().orElseThrow();
        assertThat(standard.selectFirst("[data-testid=name]").text()).isEqualTo("Основной календарь");
        assertThat(standard.selectFirst("[data-testid=zone]").text()).isEqualTo("Europe/Moscow");
        assertThat(standard.selectFirst("[data-testid=hours]").text()).isEqualTo("пн–пт 09:00-18:00");
        assertThat(standard.selectFirst("[data-testid=holidays]").text())
                .isEqualTo("Производственный календарь России");
    }

    @Test
    void theFormOffersOurTimeZonesFirst() throws Exception {
        Document blank = page(get("/admin/calendars/new"), admin, "en");
        assertThat(blank.select("select[name=zone] option").eachAttr("value").subList(0, 8)).containsExactly(
                "Europe/Moscow", "Europe/Kaliningrad", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Vladivostok",
                "Europe/Berlin", "UTC", "Africa/Abidjan");
        assertThat(blank.select("select[name=zone] option").eachAttr("value")).contains("America/New_York")
                .doesNotHaveDuplicates();
        assertThat(blank.selectFirst("select[name=country] option[selected]").val()).isEqualTo("ru");
        assertThat(blank.select("[data-testid=weekday] input").eachAttr("value")).containsExactly("09:00-18:00",
                "09:00-18:00", "09:00-18:00", "09:00-18:00", "09:00-18:00", "", "");
    }

    @Test
    void mistakesInTheWeekAreShownNextToTheirDayAndNothingIsSaved() throws Exception {
        String name = "Ошибки " + mark;
        Form form = form(name, "Mars/Olympus", "9-18", "14:00-18:00, 09:00-15:00", "18:00-09:00", "25:00-26:00",
                "09:00-18:00", "", "");

        Document ru = Jsoup.parse(mvc.perform(post("/admin/calendars").with(as(admin)).with(csrf())
                        .header("Accept-Language", "ru").params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(ru.selectFirst("#zone-error").text()).isEqualTo("Неизвестный часовой пояс: Mars/Olympus.");
        assertThat(ru.selectFirst("#hours-0-error").text()).isEqualTo("«9-18» — не интервал: пишите так: 09:00-13:00.");
        assertThat(ru.selectFirst("#hours-1-error").text()).isEqualTo("Интервалы 09:00-15:00 и 14:00-18:00 пересекаются.");
        assertThat(ru.selectFirst("#hours-2-error").text())
                .isEqualTo("В интервале 18:00-09:00 конец должен быть позже начала.");
        assertThat(ru.selectFirst("#hours-3-error").text())
                .isEqualTo("«25:00» — нет такого времени суток: от 00:00 до 23:59, 24:00 — только как конец.");
        assertThat(ru.selectFirst("#hours-4-error")).isNull();
        assertThat(ru.selectFirst("input[name='hours[1]']").val()).isEqualTo("14:00-18:00, 09:00-15:00");
        assertThat(ru.selectFirst("input[name='hours[1]']").attr("aria-invalid")).isEqualTo("true");
        assertThat(ru.selectFirst("input[name=name]").val()).isEqualTo(name);

        Document en = Jsoup.parse(mvc.perform(post("/admin/calendars").with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").params(form))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("#hours-1-error").text()).isEqualTo("The periods 09:00-15:00 and 14:00-18:00 overlap.");
        assertThat(en.selectFirst("#hours-0-error").text()).isEqualTo("\"9-18\" is not a period: write it like 09:00-13:00.");

        Form nothing = form(" ", "Europe/Moscow", "", "", "", "", "", "", "");
        Document empty = Jsoup.parse(mvc.perform(post("/admin/calendars").with(as(admin)).with(csrf())
                        .header("Accept-Language", "ru").params(nothing))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(empty.selectFirst("#name-error").text()).isEqualTo("Введите название.");
        assertThat(empty.select("[data-testid=global-errors] p").eachText()).containsExactly(
                "Укажите рабочие часы хотя бы для одного дня недели или включите «Круглосуточно».");

        String standardName = "Основной календарь";
        Document taken = Jsoup.parse(mvc.perform(post("/admin/calendars").with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").params(form(standardName.toUpperCase(), "UTC",
                                "09:00-18:00", "", "", "", "", "", "")))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(taken.selectFirst("#name-error").text())
                .isEqualTo("There already is a calendar \"ОСНОВНОЙ КАЛЕНДАРЬ\": choose another name.");

        assertThat(names()).noneMatch(n -> n.contains(mark)).doesNotContain(standardName.toUpperCase());
    }

    @Test
    void anEditThatFailsChangesNothing() throws Exception {
        BusinessCalendarId id = create("Правка " + mark, "Europe/Moscow", "09:00-18:00");
        Form form = form("Правка " + mark, "Europe/Moscow", "09:00-18:00", "09:00-12:00, 11:00-18:00", "", "", "",
                "", "");
        mvc.perform(post("/admin/calendars/" + id).with(as(admin)).with(csrf()).params(form))
                .andExpect(status().is(422));
        assertThat(asAdmin(() -> administration.calendar(id)).details().hours())
                .containsExactly("09:00-18:00", "", "", "", "", "", "");

        Form roundTheClock = form("Правка " + mark, "UTC", "", "", "", "", "", "", "");
        roundTheClock.add("roundTheClock", "true");
        mvc.perform(post("/admin/calendars/" + id).with(as(admin)).with(csrf()).params(roundTheClock))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/calendars/" + id));
        CalendarView changed = asAdmin(() -> administration.calendar(id));
        assertThat(changed.roundTheClock()).isTrue();
        assertThat(changed.zone().getId()).isEqualTo("UTC");
        assertThat(row(page(get("/admin/calendars"), admin, "en"), "Правка " + mark)
                .selectFirst("[data-testid=hours]").text()).isEqualTo("Round the clock, every day");
    }

    @Test
    void datedHolidaysAndWorkingDaysAreAddedCheckedAndRemoved() throws Exception {
        BusinessCalendarId id = create("Даты " + mark, "Europe/Moscow", "09:00-18:00");
        String days = "/admin/calendars/" + id + "/days";

        mvc.perform(post(days).with(as(admin)).with(csrf()).param("date", "2026-11-28").param("kind", "WORKING")
                .param("hours", "10:00-15:00").param("note", "Рабочая суббота"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/calendars/" + id + "#days"));
        mvc.perform(post(days).with(as(admin)).with(csrf()).param("date", "2026-12-30").param("kind", "HOLIDAY")
                .param("hours", "").param("note", "Корпоратив")).andExpect(status().is3xxRedirection());

        Document ru = Jsoup.parse(mvc.perform(post(days).with(as(admin)).with(csrf()).header("Accept-Language", "ru")
                        .param("date", "2026-11-28").param("kind", "HOLIDAY").param("hours", "09:00-12:00")
                        .param("note", ""))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(ru.selectFirst("#day-date-error").text())
                .isEqualTo("Для 28.11.2026 уже есть запись: удалите её, чтобы ввести другую.");
        assertThat(ru.selectFirst("#day-hours-error").text())
                .isEqualTo("У выходного нет рабочих часов: очистите поле или выберите «Рабочий день».");
        assertThat(ru.selectFirst("input[name=hours]").val()).isEqualTo("09:00-12:00");

        Document en = Jsoup.parse(mvc.perform(post(days).with(as(admin)).with(csrf()).header("Accept-Language", "en")
                        .param("date", "2026-12-05").param("kind", "WORKING").param("hours", "")
                        .param("note", "x"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("#day-hours-error").text())
                .isEqualTo("Enter the working day's hours, e.g. 09:00-17:00.");
        Document notADate = Jsoup.parse(mvc.perform(post(days).with(as(admin)).with(csrf())
                        .header("Accept-Language", "en").param("date", "31.12.2026").param("kind", "HOLIDAY")
                        .param("hours", "").param("note", ""))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(notADate.selectFirst("#day-date-error").text()).isEqualTo("This is not a date.");

        Document page = page(get("/admin/calendars/" + id), admin, "ru");
        assertThat(page.select("[data-testid=day]").eachAttr("data-date")).containsExactly("2026-11-28", "2026-12-30");
        Element saturday = page.selectFirst("[data-testid=day][data-date=2026-11-28]");
        assertThat(saturday.selectFirst("[data-testid=day-date]").text()).isEqualTo("28.11.2026 сб");
        assertThat(saturday.selectFirst("[data-testid=day-kind]").text()).isEqualTo("Рабочий день");
        assertThat(saturday.selectFirst("[data-testid=day-hours]").text()).isEqualTo("10:00-15:00");
        assertThat(saturday.selectFirst("[data-testid=day-note]").text()).isEqualTo("Рабочая суббота");

        mvc.perform(post(days + "/2026-12-30/delete").with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(dates(id)).containsExactly(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 30));
        mvc.perform(post(days + "/2026-12-30/delete").with(as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(dates(id)).containsExactly(LocalDate.of(2026, 11, 28));
    }

    @Test
    void anICalendarFileAddsItsAllDayEventsAsHolidaysOnce() throws Exception {
        BusinessCalendarId id = create("iCal " + mark, "Europe/Moscow", "09:00-18:00");
        asAdmin(() -> {
            administration.addDay(id, CalendarDay.holiday(LocalDate.of(2026, 12, 31), "Уже есть"));
            return null;
        });
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Otklik tests//Calendar import//RU",
                "BEGIN:VEVENT",
                "UID:winter-break@otklik.test",
                "DTSTART;VALUE=DATE:20261230",
                "DTEND;VALUE=DATE:20270102",
                "SUMMARY:Зимние каникулы\\, офис закрыт",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:founders@otklik.test",
                "DTSTART;VALUE=DATE:20260715",
                "SUMMARY:День основателей",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:standup@otklik.test",
                "DTSTART;TZID=Europe/Moscow:20260716T100000",
                "DTEND;TZID=Europe/Moscow:20260716T101500",
                "SUMMARY:Планёрка (не выходной)",
                "END:VEVENT",
                "END:VCALENDAR",
                "");

        Document imported = upload(id, "company-days.ics", ics.getBytes(StandardCharsets.UTF_8), "ru", 302, true);
        assertThat(imported.selectFirst("[data-testid=imported]").text())
                .isEqualTo("Добавлено выходных: 3; пропущено (дата уже есть в календаре): 1.");
        assertThat(asAdmin(() -> administration.calendar(id)).days()).extracting(CalendarDay::date,
                CalendarDay::kind, CalendarDay::note).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 7, 15), CalendarDay.Kind.HOLIDAY,
                                "День основателей"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 30), CalendarDay.Kind.HOLIDAY,
                                "Зимние каникулы, офис закрыт"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 31), CalendarDay.Kind.HOLIDAY,
                                "Уже есть"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 1, 1), CalendarDay.Kind.HOLIDAY,
                                "Зимние каникулы, офис закрыт"));

        Document again = upload(id, "company-days.ics", ics.getBytes(StandardCharsets.UTF_8), "en", 302, true);
        assertThat(again.selectFirst("[data-testid=imported]").text())
                .isEqualTo("Holidays added: 0; skipped (the date is already in the calendar): 4.");

        Document png = upload(id, "logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0},
                "ru", 422, false);
        assertThat(png.selectFirst("[data-testid=import-problem]").text())
                .isEqualTo("Это не файл iCalendar (.ics): он должен начинаться со строки BEGIN:VCALENDAR.");
        Document text = upload(id, "holidays.ics", "31.12.2026 выходной\n".getBytes(StandardCharsets.UTF_8), "en",
                422, false);
        assertThat(text.selectFirst("[data-testid=import-problem]").text())
                .isEqualTo("This is not an iCalendar (.ics) file: it must start with the line BEGIN:VCALENDAR.");
        String monthly = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260301\nRRULE:FREQ=MONTHLY\n"
                + "END:VEVENT\nEND:VCALENDAR\n";
        Document unreadable = upload(id, "monthly.ics", monthly.getBytes(StandardCharsets.UTF_8), "ru", 422, false);
        assertThat(unreadable.selectFirst("[data-testid=import-problem]").text()).isEqualTo("Файл iCalendar не "
                + "удалось прочитать: Event starting on line 2: only a plain yearly repetition is understood, not "
                + "RRULE:FREQ=MONTHLY");
        Document none = upload(id, "empty.ics", new byte[0], "en", 422, false);
        assertThat(none.selectFirst("[data-testid=import-problem]").text()).isEqualTo("Choose an .ics file.");
        assertThat(dates(id)).hasSize(4);
    }

    @Test
    void thePreviewCountsWorkingTimeWithATransferredSaturday() throws Exception {
        BusinessCalendarId id = create("Перенос " + mark, "Europe/Moscow", "09:00-18:00", "09:00-18:00",
                "09:00-18:00", "09:00-18:00", "09:00-18:00");
        asAdmin(() -> {
            administration.addDay(id, CalendarDay.working(LocalDate.of(2026, 11, 28),
                    io.otklik.sla.WorkingHours.parse("10:00-15:00"), "Рабочая суббота"));
            return null;
        });

        // Friday 27 Nov 17:00 → Monday 30 Nov 10:00: 1 h Friday, 5 h Saturday, 1 h Monday
        // Friday 17:30 + 120 working minutes: 30 min Friday, 90 min from Saturday 10:00 → Saturday 11:30 MSK
        // November 2026: 21 weekdays of 9 h and the Saturday's 5 h
        Document ru = preview(id, "ru", "2026-11-27T17:00", "2026-11-30T10:00", "2026-11-27T17:30", "120", "2026-11");
        assertThat(ru.selectFirst("[data-testid=between]").text()).isEqualTo("Рабочего времени между ними: 7 ч 0 мин");
        assertThat(ru.selectFirst("[data-testid=plus]").text())
                .isEqualTo("+ 120 рабочих мин = сб 28.11.2026 11:30 (UTC+03:00)");
        assertThat(ru.selectFirst("[data-testid=month-total]").text())
                .isEqualTo("Рабочих дней: 22, рабочего времени: 194 ч 0 мин");
        assertThat(monthRow(ru, "2026-11-28")).isEqualTo("28.11.2026 сб | 10:00-15:00 | 5 ч 0 мин | "
                + "Свой рабочий день: Рабочая суббота");
        assertThat(monthRow(ru, "2026-11-29")).isEqualTo("29.11.2026 вс | выходной |  | Выходной по графику недели");
        assertThat(monthRow(ru, "2026-11-30")).isEqualTo("30.11.2026 пн | 09:00-18:00 | 9 ч 0 мин | Рабочий день");

        Document en = preview(id, "en", "2026-11-27T17:00", "2026-11-30T10:00", "2026-11-27T17:30", "120", "2026-11");
        assertThat(en.selectFirst("[data-testid=between]").text()).isEqualTo("Working time between them: 7 h 0 min");
        assertThat(en.selectFirst("[data-testid=plus]").text())
                .isEqualTo("+ 120 working min = Sat 28.11.2026 11:30 (UTC+03:00)");
    }

    @Test
    void thePreviewShowsTheRussianProductionCalendarsHolidaysAndShortenedDays() throws Exception {
        BusinessCalendarId standard = calendars.standardId();
        // Tuesday 3 Nov 2026 ends at 17:00 before Unity Day, Wednesday 4 Nov is off:
        // 16:00 Tuesday → 10:00 Thursday is 1 h + 1 h
        Document ru = preview(standard, "ru", "2026-11-03T16:00", "2026-11-05T10:00", "2026-11-03T16:30", "60",
                "2026-11");
        assertThat(ru.selectFirst("[data-testid=between]").text()).isEqualTo("Рабочего времени между ними: 2 ч 0 мин");
        assertThat(ru.selectFirst("[data-testid=plus]").text())
                .isEqualTo("+ 60 рабочих мин = чт 05.11.2026 09:30 (UTC+03:00)");
        assertThat(monthRow(ru, "2026-11-03")).isEqualTo("03.11.2026 вт | 09:00-17:00 | 8 ч 0 мин | "
                + "Сокращённый предпраздничный день");
        assertThat(monthRow(ru, "2026-11-04")).isEqualTo("04.11.2026 ср | выходной |  | "
                + "Праздник или выходной по производственному календарю");
        // November 2026 by the production calendar: 20 working days (21 weekdays less 4 Nov); at 09:00–18:00 that is
        // 20 × 9 h less the hour of the shortened 3 Nov (the official 159 h count 8-hour days)
        assertThat(ru.selectFirst("[data-testid=month-total]").text())
                .isEqualTo("Рабочих дней: 20, рабочего времени: 179 ч 0 мин");
    }

    @Test
    void thePreviewFollowsTheClocksOverTheBerlinDaylightSavingWeekend() throws Exception {
        BusinessCalendarId id = create("Берлин 24/7 " + mark, "Europe/Berlin", true);

        // Clocks go forward on Sunday 29 March 2026 at 02:00: Saturday 12:00 → Monday 12:00 is 47 hours
        // Saturday 12:00 + 24 working hours → Sunday 13:00 on the wall clock (summer time)
        Document en = preview(id, "en", "2026-03-28T12:00", "2026-03-30T12:00", "2026-03-28T12:00", "1440",
                "2026-03");
        assertThat(en.selectFirst("[data-testid=between]").text()).isEqualTo("Working time between them: 47 h 0 min");
        assertThat(en.selectFirst("[data-testid=plus]").text())
                .isEqualTo("+ 1440 working min = Sun 29.03.2026 13:00 (UTC+02:00)");
        assertThat(monthRow(en, "2026-03-29")).isEqualTo("29.03.2026 Sun | 00:00-24:00 | 23 h 0 min | Working day");
        assertThat(monthRow(en, "2026-03-28")).isEqualTo("28.03.2026 Sat | 00:00-24:00 | 24 h 0 min | Working day");
        assertThat(en.selectFirst("[data-testid=month-total]").text())
                .isEqualTo("Working days: 31, working time: 743 h 0 min");

        // Back on Sunday 25 October 2026 at 03:00: that Sunday has 25 hours
        Document october = preview(id, "en", "2026-10-24T12:00", "2026-10-26T12:00", "", "", "2026-10");
        assertThat(october.selectFirst("[data-testid=between]").text())
                .isEqualTo("Working time between them: 49 h 0 min");
        assertThat(monthRow(october, "2026-10-25")).isEqualTo("25.10.2026 Sun | 00:00-24:00 | 25 h 0 min | Working day");
    }

    @Test
    void thePreviewSaysWhatItCannotReadAndAnswersHtmxWithItsRegion() throws Exception {
        BusinessCalendarId id = create("Проверка " + mark, "Europe/Moscow", "09:00-18:00");
        String html = mvc.perform(get("/admin/calendars/" + id + "/preview").with(as(supervisor))
                        .header("HX-Request", "true").header("Accept-Language", "ru")
                        .param("from", "2026-11-30T10:00").param("to", "2026-11-30T09:00").param("start", "вчера")
                        .param("minutes", "-5").param("month", "2026-13"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        Document region = Jsoup.parse(html);
        assertThat(region.selectFirst("h1")).isNull();
        assertThat(region.selectFirst("form#preview")).isNotNull();
        assertThat(region.selectFirst("#to-error").text()).isEqualTo("Конец раньше начала.");
        assertThat(region.selectFirst("#start-error").text()).isEqualTo("Укажите дату и время.");
        assertThat(region.selectFirst("#minutes-error").text()).isEqualTo("Число минут от 0 до 1000000.");
        assertThat(region.selectFirst("#month-error").text()).isEqualTo("Укажите месяц.");
        assertThat(region.selectFirst("input[name=start]").val()).isEqualTo("вчера");
        assertThat(region.selectFirst("[data-testid=between]")).isNull();

        Document page = page(get("/admin/calendars/" + id + "/preview").param("from", "2026-11-30T10:00")
                .param("to", "2026-11-30T12:30"), supervisor, "en");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Проверка " + mark);
        assertThat(page.selectFirst("[data-testid=between]").text()).isEqualTo("Working time between them: 2 h 30 min");
        assertThat(page.selectFirst("[data-testid=plus]")).isNull();
    }

    @Test
    void theDefaultCalendarCannotBeDeletedButAnotherCan() throws Exception {
        BusinessCalendarId standard = calendars.standardId();
        Document refused = Jsoup.parse(mvc.perform(post("/admin/calendars/" + standard + "/delete").with(as(admin))
                        .with(csrf()).header("Accept-Language", "ru"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/calendars/" + standard))
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.text()).isEmpty();
        Document page = Jsoup.parse(mvc.perform(get("/admin/calendars/" + standard).with(as(admin))
                        .header("Accept-Language", "ru")
                        .flashAttr("refused", "Календарь «Основной календарь» используется по умолчанию"))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("[data-testid=delete]")).isNull();
        assertThat(calendars.standardId()).isEqualTo(standard);

        var flash = mvc.perform(post("/admin/calendars/" + standard + "/delete").with(as(admin)).with(csrf())
                .header("Accept-Language", "en")).andReturn().getFlashMap();
        assertThat(flash.get("refused")).isEqualTo("Calendar \"Основной календарь\" is the default and cannot be "
                + "deleted: make another one the default first.");

        BusinessCalendarId other = create("Удаляемый " + mark, "UTC", "09:00-18:00");
        mvc.perform(post("/admin/calendars/" + other + "/delete").with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(names()).contains("Удаляемый " + mark);
        var deleted = mvc.perform(post("/admin/calendars/" + other + "/delete").with(as(admin)).with(csrf())
                .header("Accept-Language", "ru")).andExpect(redirectedUrl("/admin/calendars")).andReturn();
        assertThat(deleted.getFlashMap().get("deleted")).isEqualTo("Удаляемый " + mark);
        assertThat(names()).doesNotContain("Удаляемый " + mark);
        mvc.perform(get("/admin/calendars/" + other).with(as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void anotherCalendarBecomesTheDefault() throws Exception {
        BusinessCalendarId standard = calendars.standardId();
        BusinessCalendarId other = create("Новый основной " + mark, "Asia/Novosibirsk", "08:00-17:00");

        mvc.perform(post("/admin/calendars/" + other + "/default").with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.standardId()).isEqualTo(standard);
        mvc.perform(post("/admin/calendars/" + other + "/default").with(as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/calendars/" + other));
        assertThat(calendars.standardId()).isEqualTo(other);

        Document list = page(get("/admin/calendars"), admin, "ru");
        assertThat(list.select("[data-testid=calendar]").stream()
                .filter(r -> r.selectFirst("[data-testid=default]") != null)
                .map(r -> r.selectFirst("[data-testid=name]").text()).toList())
                .containsExactly("Новый основной " + mark);
        Document formerDefault = page(get("/admin/calendars/" + standard), admin, "ru");
        assertThat(formerDefault.selectFirst("[data-testid=make-default]")).isNotNull();
        assertThat(formerDefault.selectFirst("[data-testid=delete]")).isNotNull();

        mvc.perform(post("/admin/calendars/" + standard + "/default").with(as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.standardId()).isEqualTo(standard);
    }

    @Test
    void aSupervisorLooksButCannotSaveAndAnAgentIsKeptOut() throws Exception {
        String name = "Чужой " + mark;
        Document refused = Jsoup.parse(mvc.perform(post("/admin/calendars").with(as(supervisor)).with(csrf())
                        .header("Accept-Language", "ru").params(form(name, "UTC", "09:00-18:00", "", "", "", "", "",
                                "")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(refused.selectFirst("[data-testid=not-allowed]").text())
                .isEqualTo("Менять календари могут только администраторы.");
        assertThat(refused.selectFirst("input[name=name]").val()).isEqualTo(name);
        assertThat(names()).doesNotContain(name);

        BusinessCalendarId id = create("Смотреть " + mark, "UTC", "09:00-18:00");
        mvc.perform(post("/admin/calendars/" + id + "/days").with(as(supervisor)).with(csrf())
                .param("date", "2026-12-31").param("kind", "HOLIDAY").param("hours", "").param("note", ""))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/calendars/" + id + "/import").file(new MockMultipartFile("file", "a.ics",
                "text/calendar", "BEGIN:VCALENDAR\nEND:VCALENDAR\n".getBytes(StandardCharsets.UTF_8)))
                .with(as(supervisor)).with(csrf())).andExpect(status().isForbidden());
        assertThat(dates(id)).isEmpty();
        page(get("/admin/calendars/" + id), supervisor, "ru");
        page(get("/admin/calendars/" + id + "/preview").param("month", "2026-12"), supervisor, "ru");

        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/calendars").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendars/" + id + "/preview").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/calendars").with(as(agent)).with(csrf()).params(form(name, "UTC", "09:00-18:00",
                "", "", "", "", "", ""))).andExpect(status().isForbidden());
        assertThat(names()).doesNotContain(name);
    }

    @Test
    void theAdminHomeAndTheAdminMenuLeadToTheCalendars() throws Exception {
        Document home = page(get("/admin"), supervisor, "ru");
        Element tile = home.selectFirst("[data-screen=calendars] h2 a");
        assertThat(tile.attr("href") + " " + tile.text()).isEqualTo("/admin/calendars Рабочие календари");
        assertThat(home.selectFirst("[data-screen=calendars] .tile-count").text())
                .isEqualTo("Календарей: " + names().size());

        Document list = page(get("/admin/calendars"), supervisor, "en");
        Element current = list.selectFirst("nav.subnav a[aria-current=page]");
        assertThat(current.attr("href") + " " + current.text()).isEqualTo("/admin/calendars Calendars");
    }

    private BusinessCalendarId create(String name, String zone, String... hours) {
        return asAdmin(() -> administration.create(new CalendarDetails(name, zone, false, List.of(hours), "")));
    }

    private BusinessCalendarId create(String name, String zone, boolean roundTheClock) {
        return asAdmin(() -> administration.create(new CalendarDetails(name, zone, roundTheClock, List.of(), "")));
    }

    private CalendarView calendar(String name) {
        return asAdmin(() -> administration.calendars()).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private List<String> names() {
        return asAdmin(() -> administration.calendars()).stream().map(CalendarView::name).toList();
    }

    private List<LocalDate> dates(BusinessCalendarId id) {
        return asAdmin(() -> administration.calendar(id)).days().stream().map(CalendarDay::date).toList();
    }

    /** Uploads a file, then shows the page the browser lands on: the redirect's target, or the refusal. */
    private Document upload(BusinessCalendarId id, String fileName, byte[] content, String language, int status,
            boolean follow) throws Exception {
        ResultActions result = mvc.perform(multipart("/admin/calendars/" + id + "/import")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(as(admin)).with(csrf()).header("Accept-Language", language))
                .andExpect(status().is(status));
        if (!follow) {
            return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
        }
        var flash = result.andReturn().getFlashMap();
        MockHttpServletRequestBuilder landing = get("/admin/calendars/" + id);
        flash.forEach(landing::flashAttr);
        return page(landing, admin, language);
    }

    private Document preview(BusinessCalendarId id, String language, String from, String to, String start,
            String minutes, String month) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/calendars/" + id + "/preview").with(as(supervisor))
                        .header("HX-Request", "true").header("Accept-Language", language).param("from", from)
                        .param("to", to).param("start", start).param("minutes", minutes).param("month", month))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** A day of the month table: its cells joined by " | ". */
    private static String monthRow(Document preview, String date) {
        Element row = preview.selectFirst("[data-testid=month-day][data-date=" + date + "]");
        assertThat(row).as("month row " + date).isNotNull();
        return String.join(" | ", row.select("td").stream().map(Element::text).toList());
    }

    private static Element row(Document list, String name) {
        return list.select("[data-testid=calendar]").stream()
                .filter(row -> row.selectFirst("[data-testid=name]").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no calendar " + name + " in the list"));
    }

    private Document page(MockHttpServletRequestBuilder request, String login, String language) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(as(login)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    /** The calendar form's fields as a browser sends them: name, zone and each weekday's hours, Monday first. */
    private static Form form(String name, String zone, String... hours) {
        Form form = new Form();
        form.add("name", name);
        form.add("zone", zone);
        form.add("country", "");
        List<String> week = new ArrayList<>(List.of(hours));
        for (int day = 0; day < 7; day++) {
            form.add("hours[" + day + "]", day < week.size() ? week.get(day) : "");
        }
        return form;
    }

    static final class Form extends LinkedMultiValueMap<String, String> {
    }
}
