package io.otklik;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.CalendarDetails;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyDetails;
import io.otklik.sla.PolicyTargets;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyId;
import io.otklik.sla.WeeklyHours;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

/**
 * A category of a test's own whose tickets a policy of its own counts round the clock, so that due times are plain
 * arithmetic: a ticket's first answer is due its arrival plus {@link #firstResponse} (critical 30 min, high 1 h,
 * medium 4 h, low 8 h), next answers as long after a customer's message, resolution four times as long; clocks stand
 * still while the ticket is pending or on hold. Made as an administrator makes them; {@link #close} takes the policy
 * and the calendar away again.
 */
public final class TestServiceLevels implements AutoCloseable {

    private final CalendarAdministration calendars;
    private final SlaPolicyAdministration policies;
    private final long category;
    private final BusinessCalendarId calendar;
    private final SlaPolicyId policy;

    private TestServiceLevels(CalendarAdministration calendars, SlaPolicyAdministration policies, long category,
            BusinessCalendarId calendar, SlaPolicyId policy) {
        this.calendars = calendars;
        this.policies = policies;
        this.category = category;
        this.calendar = calendar;
        this.policy = policy;
    }

    public static TestServiceLevels roundTheClock(Categories categories, CalendarAdministration calendars,
            SlaPolicyAdministration policies) {
        String mark = TestStaff.unique();
        long category = asAdmin(() -> categories.create("Сроки " + mark));
        BusinessCalendarId calendar = asAdmin(() -> calendars.create(CalendarDetails.of("Круглосуточно " + mark,
                ZoneId.of("Europe/Moscow"), true, WeeklyHours.allDay(), null)));
        SlaPolicyId policy = asAdmin(() -> policies.create(details("Сроки " + mark, category, calendar,
                Duration.ZERO)));
        return new TestServiceLevels(calendars, policies, category, calendar, policy);
    }

    /** The first response target of a priority. */
    public static Duration firstResponse(Priority priority) {
        return switch (priority) {
            case CRITICAL -> Duration.ofMinutes(30);
            case HIGH -> Duration.ofHours(1);
            case MEDIUM -> Duration.ofHours(4);
            case LOW -> Duration.ofHours(8);
        };
    }

    public long category() {
        return category;
    }

    public BusinessCalendarId calendar() {
        return calendar;
    }

    /**
     * Another policy for another category of its own, on the same calendar, whose response targets are
     * {@code longer} than these; taken away with this one.
     */
    public long anotherCategory(Categories categories, Duration longer) {
        String mark = TestStaff.unique();
        long other = asAdmin(() -> categories.create("Сроки " + mark));
        SlaPolicyId id = asAdmin(() -> policies.create(details("Сроки " + mark, other, calendar, longer)));
        extra.add(id);
        return other;
    }

    private final java.util.List<SlaPolicyId> extra = new java.util.ArrayList<>();

    @Override
    public void close() {
        asAdmin(() -> {
            extra.forEach(policies::delete);
            policies.delete(policy);
            calendars.delete(calendar);
            return null;
        });
    }

    private static PolicyDetails details(String name, long category, BusinessCalendarId calendar, Duration longer) {
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            Duration response = firstResponse(priority).plus(longer);
            targets.put(priority, new PolicyTargets(response, response, null, firstResponse(priority).multipliedBy(4)));
        }
        return new PolicyDetails(name, true, new PolicyConditions(Set.of(), Set.of(category), Set.of(), Set.of(),
                Set.of(), Set.of()), calendar, targets, Set.of(Status.PENDING, Status.ON_HOLD), Duration.ofHours(24));
    }

    private static <T> T asAdmin(Supplier<T> work) {
        return TestStaff.asAdmin(work);
    }
}
