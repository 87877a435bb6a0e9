package io.otklik.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Business calendars in their tables: read straight into views (three queries whatever their number), written row
 * by row. Every change counts up the revision that nodes compare their cached calendars with ({@link #touch}).
 */
@Component
class CalendarRows {

    private final JdbcClient jdbc;

    CalendarRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The default calendar and the revision of all calendars; empty before the first calendar exists. */
    record State(BusinessCalendarId defaultCalendar, long revision) {
    }

    Optional<State> state() {
        return jdbc.sql("select default_calendar_id, revision from business_calendar_state where id = 1")
                .query((rs, n) -> new State(new BusinessCalendarId(rs.getLong(1)), rs.getLong(2))).optional();
    }

    List<CalendarView> all() {
        return read("", Map.of());
    }

    Optional<CalendarView> one(BusinessCalendarId id) {
        return read("where c.id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    Map<BusinessCalendarId, String> names() {
        Map<BusinessCalendarId, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from business_calendar order by id")
                .query(rs -> {
                    names.put(new BusinessCalendarId(rs.getLong("id")), rs.getString("name"));
                });
        return names;
    }

    long count() {
        return jdbc.sql("select count(*) from business_calendar").query(Long.class).single();
    }

    /** Whether another calendar than {@code except} (null: any) has this name, whatever the letter case. */
    boolean nameTaken(String name, BusinessCalendarId except) {
        return jdbc.sql("select count(*) from business_calendar where lower(name) = lower(:name) and id <> :except")
                .param("name", name).param("except", except == null ? -1L : except.value())
                .query(Long.class).single() > 0;
    }

    BusinessCalendarId insert(CalendarDetails details, Instant now) {
        long id = jdbc.sql("select nextval('business_calendar_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into business_calendar (id, name, time_zone, round_the_clock, country_holidays,
                                                       created_at, updated_at)
                        values (:id, :name, :zone, :allDay, :country, :now, :now)""")
                .param("id", id).param("name", details.name()).param("zone", details.zoneId().getId())
                .param("allDay", details.roundTheClock()).param("country", details.countryOrNull())
                .param("now", utc(now)).update();
        BusinessCalendarId calendar = new BusinessCalendarId(id);
        writeWeek(calendar, details.week());
        return calendar;
    }

    void update(BusinessCalendarId id, CalendarDetails details, Instant now) {
        jdbc.sql("""
                        update business_calendar set name = :name, time_zone = :zone, round_the_clock = :allDay,
                               country_holidays = :country, updated_at = :now
                        where id = :id""")
                .param("id", id.value()).param("name", details.name()).param("zone", details.zoneId().getId())
                .param("allDay", details.roundTheClock()).param("country", details.countryOrNull())
                .param("now", utc(now)).update();
        jdbc.sql("delete from business_calendar_hours where calendar_id = :id").param("id", id.value()).update();
        writeWeek(id, details.week());
    }

    private void writeWeek(BusinessCalendarId id, WeeklyHours week) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!week.on(day).isDayOff()) {
                jdbc.sql("insert into business_calendar_hours (calendar_id, weekday, hours) values (:id, :day, :hours)")
                        .param("id", id.value()).param("day", day.getValue())
                        .param("hours", HoursText.text(week.on(day))).update();
            }
        }
    }

    void delete(BusinessCalendarId id) {
        jdbc.sql("delete from business_calendar where id = :id").param("id", id.value()).update();
    }

    /** The dates that have an entry in the calendar. */
    Set<LocalDate> dates(BusinessCalendarId id) {
        return new TreeSet<>(jdbc.sql("select on_date from business_calendar_day where calendar_id = :id")
                .param("id", id.value()).query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
    }

    void insertDay(BusinessCalendarId id, CalendarDay day) {
        jdbc.sql("""
                        insert into business_calendar_day (calendar_id, on_date, kind, hours, note)
                        values (:id, :date, :kind, :hours, :note)""")
                .param("id", id.value()).param("date", day.date()).param("kind", day.kind().name())
                .param("hours", day.hours().isEmpty() ? null : day.hours())
                .param("note", day.note().isEmpty() ? null : day.note()).update();
    }

    boolean deleteDay(BusinessCalendarId id, LocalDate date) {
        return jdbc.sql("delete from business_calendar_day where calendar_id = :id and on_date = :date")
                .param("id", id.value()).param("date", date).update() > 0;
    }

    /**
     * Marks a change of the calendar (its {@code updated_at}) and of the calendars as a whole (the revision); the
     * state's row lock also puts concurrent changes one after the other.
     */
    void touch(BusinessCalendarId id, Instant now) {
        jdbc.sql("update business_calendar_state set revision = revision + 1 where id = 1").update();
        if (id != null) {
            jdbc.sql("update business_calendar set updated_at = :now where id = :id").param("id", id.value())
                    .param("now", utc(now)).update();
        }
    }

    void makeDefault(BusinessCalendarId id) {
        jdbc.sql("update business_calendar_state set default_calendar_id = :id where id = 1").param("id", id.value())
                .update();
    }

    /** Makes the first calendar the default one; fails when the state row exists (another node was first). */
    void insertState(BusinessCalendarId id) {
        jdbc.sql("insert into business_calendar_state (id, default_calendar_id, revision) values (1, :id, 1)")
                .param("id", id.value()).update();
    }

    private List<CalendarView> read(String where, Map<String, ?> parameters) {
        Long defaultId = state().map(s -> s.defaultCalendar().value()).orElse(null);
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select c.id, c.name, c.time_zone, c.round_the_clock, c.country_holidays, c.created_at, c.updated_at"
                        + " from business_calendar c " + where + " order by lower(c.name), c.id")
                .params(parameters).query((ResultSet rs) -> {
                    rows.put(rs.getLong("id"), new Row(rs));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        jdbc.sql("select h.calendar_id, h.weekday, h.hours from business_calendar_hours h"
                        + " join business_calendar c on c.id = h.calendar_id " + where)
                .params(parameters).query((ResultSet rs) -> {
                    Row row = rows.get(rs.getLong("calendar_id"));
                    if (row != null) {
                        row.week.put(DayOfWeek.of(rs.getInt("weekday")), WorkingHours.parse(rs.getString("hours")));
                    }
                });
        jdbc.sql("select d.calendar_id, d.on_date, d.kind, d.hours, d.note from business_calendar_day d"
                        + " join business_calendar c on c.id = d.calendar_id " + where
                        + " order by d.calendar_id, d.on_date")
                .params(parameters).query((ResultSet rs) -> {
                    Row row = rows.get(rs.getLong("calendar_id"));
                    if (row != null) {
                        row.days.add(new CalendarDay(rs.getObject("on_date", LocalDate.class),
                                CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("hours"),
                                rs.getString("note")));
                    }
                });
        return rows.values().stream().map(row -> row.view(defaultId)).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static final class Row {

        final long id;
        final String name;
        final ZoneId zone;
        final boolean roundTheClock;
        final String country;
        final Instant createdAt;
        final Instant updatedAt;
        final Map<DayOfWeek, WorkingHours> week = new EnumMap<>(DayOfWeek.class);
        final List<CalendarDay> days = new ArrayList<>();

        Row(ResultSet rs) throws SQLException {
            this.id = rs.getLong("id");
            this.name = rs.getString("name");
            this.zone = ZoneId.of(rs.getString("time_zone"));
            this.roundTheClock = rs.getBoolean("round_the_clock");
            this.country = rs.getString("country_holidays");
            this.createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
            this.updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        }

        CalendarView view(Long defaultId) {
            return new CalendarView(new BusinessCalendarId(id), name, zone, roundTheClock, WeeklyHours.of(week),
                    country, defaultId != null && defaultId == id, days, createdAt, updatedAt);
        }
    }
}
