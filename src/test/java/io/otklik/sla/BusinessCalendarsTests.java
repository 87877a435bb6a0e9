package io.otklik.sla;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.ticket.Priority;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

/**
 * Calendars kept in the database: the default one made from the settings on first start, changes seen at once by
 * the promised answer times on this node and within seconds on another, and {@link CalendarChanged} after commit.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class BusinessCalendarsTests extends PostgresTest {

    @Autowired BusinessCalendars calendars;
    @Autowired CalendarAdministration administration;
    @Autowired PromisedAnswers promises;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired ConfigurableApplicationContext context;
    @Autowired ApplicationEvents events;

    final List<Runnable> undo = new ArrayList<>();

    @AfterEach
    void undo() {
        for (Runnable step : undo.reversed()) {
            asAdmin(() -> {
                step.run();
                return null;
            });
        }
    }

    @Test
    void theDefaultCalendarIsMadeFromTheSettingsOnFirstStart() {
        List<CalendarView> defaults = asAdmin(() -> administration.calendars()).stream()
                .filter(CalendarView::isDefault).toList();

        assertThat(defaults).singleElement().satisfies(standard -> {
            assertThat(standard.name()).isEqualTo("Основной календарь");
            assertThat(standard.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
            assertThat(standard.roundTheClock()).isFalse();
            assertThat(standard.details().hours()).containsExactly("09:00-18:00", "09:00-18:00", "09:00-18:00",
                    "09:00-18:00", "09:00-18:00", "", "");
            assertThat(standard.country()).isEqualTo("ru");
            assertThat(standard.id()).isEqualTo(calendars.standardId());
        });
        BusinessCalendar standard = calendars.standard();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 4)).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 3))).hasToString("09:00-17:00");
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 7)).isDayOff()).isTrue();
    }

    @Test
    void aChangeOfTheDefaultCalendarMovesThePromisedTime() {
        CalendarView standard = asAdmin(() -> administration.calendar(calendars.standardId()));
        // Monday 23 Nov 2026 16:00 MSK, medium (240 min): 2 h on Monday, 2 h from Tuesday 09:00 → 11:00 MSK
        Instant monday = Instant.parse("2026-11-23T13:00:00Z");
        assertThat(promises.firstAnswerBy(Priority.MEDIUM, monday)).isEqualTo("2026-11-24T08:00:00Z");

        List<String> longMonday = new ArrayList<>(standard.details().hours());
        longMonday.set(0, "09:00-20:00");
        change(standard, longMonday);
        // Monday now runs until 20:00 MSK: all four hours on Monday
        assertThat(promises.firstAnswerBy(Priority.MEDIUM, monday)).isEqualTo("2026-11-23T17:00:00Z");

        change(standard, standard.details().hours());
        asAdmin(() -> {
            administration.addDay(standard.id(), CalendarDay.holiday(LocalDate.of(2026, 11, 24), "Тест"));
            return null;
        });
        undo.add(() -> administration.removeDay(standard.id(), LocalDate.of(2026, 11, 24)));
        // Tuesday off: 2 h Monday, the rest Wednesday 09:00–11:00, past the 24 h cap → Tuesday 16:00 MSK
        assertThat(promises.firstAnswerBy(Priority.MEDIUM, monday)).isEqualTo("2026-11-24T13:00:00Z");
    }

    @Test
    void anotherNodesChangeIsSeenWithinSeconds() {
        BusinessCalendarId id = asAdmin(() -> administration.create(new CalendarDetails("Другой узел "
                + TestStaff.unique(), "Europe/Moscow", false, List.of("09:00-18:00"), "")));
        undo.add(() -> administration.delete(id));
        assertThat(calendars.calendar(id).week().on(DayOfWeek.MONDAY)).hasToString("09:00-18:00");

        // Another node saves a change: the rows and the revision move on, this node's memory is not told.
        jdbc.sql("update business_calendar_hours set hours = '10:00-12:00' where calendar_id = :id and weekday = 1")
                .param("id", id.value()).update();
        jdbc.sql("update business_calendar_state set revision = revision + 1").update();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> calendars.calendar(id).week().on(DayOfWeek.MONDAY).toString().equals("10:00-12:00"));
    }

    @Test
    void tellsOfEachSavedChangeAfterItCommits() {
        List<String> seenAfterCommit = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<CalendarChanged>> listener = TransactionalApplicationListener
                .forPayload(TransactionPhase.AFTER_COMMIT, (CalendarChanged changed) -> seenAfterCommit.add(
                        changed.id() + " " + committedName(changed.id())));
        context.addApplicationListener(listener);
        try {
            String name = "События " + TestStaff.unique();
            BusinessCalendarId id = asAdmin(() -> administration.create(new CalendarDetails(name, "UTC", true,
                    List.of(), "")));
            undo.add(() -> administration.delete(id));
            asAdmin(() -> {
                administration.update(id, new CalendarDetails(name + " (24/7)", "UTC", true, List.of(), ""));
                return null;
            });
            assertThatThrownBy(() -> asAdmin(() -> {
                administration.update(id, new CalendarDetails("", "UTC", true, List.of(), ""));
                return null;
            })).isInstanceOf(InvalidCalendar.class);

            assertThat(events.stream(CalendarChanged.class)).extracting(CalendarChanged::id)
                    .containsExactly(id.value(), id.value());
            // Each listener ran once the change was committed: another connection already saw it.
            assertThat(seenAfterCommit).containsExactly(id.value() + " " + name, id.value() + " " + name + " (24/7)");
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void switchingTheDefaultTellsOfBothCalendars() {
        BusinessCalendarId before = calendars.standardId();
        BusinessCalendarId other = asAdmin(() -> administration.create(new CalendarDetails("Запасной "
                + TestStaff.unique(), "Asia/Vladivostok", false, List.of("08:00-17:00"), "ru")));
        undo.add(() -> administration.delete(other));

        asAdmin(() -> {
            administration.makeDefault(other);
            return null;
        });
        undo.add(() -> administration.makeDefault(before));

        assertThat(calendars.standardId()).isEqualTo(other);
        assertThat(calendars.standard().zone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
        assertThat(events.stream(CalendarChanged.class)).extracting(CalendarChanged::id)
                .containsExactly(other.value(), other.value(), before.value());
        assertThatThrownBy(() -> asAdmin(() -> {
            administration.delete(other);
            return null;
        })).hasMessage("calendar.default-not-deletable");
    }

    /** The calendar's name as another connection sees it, i.e. as committed. */
    private String committedName(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select name from business_calendar where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "(none)";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void change(CalendarView calendar, List<String> hours) {
        asAdmin(() -> {
            administration.update(calendar.id(), new CalendarDetails(calendar.name(), calendar.zone().getId(),
                    calendar.roundTheClock(), hours, calendar.country()));
            return null;
        });
        undo.add(() -> administration.update(calendar.id(), calendar.details()));
    }
}
