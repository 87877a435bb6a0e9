package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.otklik.ticket.Actor;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrail;

import org.junit.jupiter.api.Test;

/**
 * Service-level clocks computed from tickets' trails. Expected instants are worked out by hand in the comments
 * (local time, then UTC: Moscow is UTC+3 all year; Berlin UTC+1 in winter and UTC+2 in summer, switching on 29 March
 * and 25 October 2026). Targets (minutes of business time, first response / next response / periodic update /
 * resolution): critical 30/30/60/120, high 60/60/120/240, medium 240/240/480/480, low 480/480/none/2400.
 */
class ClockCalculatorTests {

    static final BusinessCalendarId MOSCOW_OFFICE = new BusinessCalendarId(1);
    static final BusinessCalendarId BERLIN_OFFICE = new BusinessCalendarId(2);
    static final BusinessCalendarId BERLIN_ALL_DAY = new BusinessCalendarId(3);
    static final BusinessCalendarId MOSCOW_ALL_DAY = new BusinessCalendarId(4);
    static final BusinessCalendarId MOSCOW_2025 = new BusinessCalendarId(5);
    static final BusinessCalendarId RUSSIA_2026 = new BusinessCalendarId(6);

    static final Map<BusinessCalendarId, BusinessTime> CALENDARS = Map.of(
            MOSCOW_OFFICE, office("Europe/Moscow", HolidayCalendar.NONE),
            BERLIN_OFFICE, office("Europe/Berlin", HolidayCalendar.NONE),
            BERLIN_ALL_DAY, new BusinessTime(BusinessCalendar.allDay(ZoneId.of("Europe/Berlin"))),
            MOSCOW_ALL_DAY, new BusinessTime(BusinessCalendar.allDay(ZoneId.of("Europe/Moscow"))),
            // 2025: Saturday 1 November worked with Monday's hours, Monday 3 and Tuesday 4 November off
            MOSCOW_2025, office("Europe/Moscow", HolidayCalendar.parse("ru-2025", """
                    work 2025-11-01 as Mon
                    off 2025-11-03
                    off 2025-11-04""")),
            // 2026 as shipped: 3 November shortened by an hour, 4 November (Unity Day) off
            RUSSIA_2026, office("Europe/Moscow", HolidayCalendar.parse("ru", """
                    short 2026-11-03
                    off 2026-11-04""")));

    static final Map<Priority, PolicyTargets> TARGETS = Map.of(
            Priority.CRITICAL, targets(30, 30, 60, 120),
            Priority.HIGH, targets(60, 60, 120, 240),
            Priority.MEDIUM, targets(240, 240, 480, 480),
            Priority.LOW, new PolicyTargets(minutes(480), minutes(480), null, minutes(2400)));

    static final Set<Status> WAITING = EnumSet.of(Status.PENDING, Status.ON_HOLD);

    static BusinessTime office(String zone, HolidayCalendar holidays) {
        return new BusinessTime(BusinessCalendar.of(ZoneId.of(zone), WeeklyHours.parse("Mon-Fri 09:00-18:00"),
                holidays));
    }

    static PolicyTargets targets(long first, long next, long periodic, long resolution) {
        return new PolicyTargets(minutes(first), minutes(next), minutes(periodic), minutes(resolution));
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    static SlaPolicy policy(long id, String name, BusinessCalendarId calendar, Set<Status> pausedIn) {
        return new SlaPolicy(new SlaPolicyId(id), name, true, PolicyConditions.ANY, calendar, TARGETS, pausedIn,
                Duration.ofHours(24));
    }

    static ClockCalculator calculator(SlaPolicy policy) {
        return new ClockCalculator(subject -> policy, CALENDARS::get);
    }

    static ClockCalculator calculator(Function<SlaSubject, SlaPolicy> policies) {
        return new ClockCalculator(policies, CALENDARS::get);
    }

    static final ClockCalculator STANDARD = calculator(policy(1, "Стандарт", MOSCOW_OFFICE, WAITING));

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    // --- business time on the calendars

    @Test
    void countsOvernightFromTheEndOfOneWorkingDayIntoTheNext() {
        // Monday 23 Nov 2026 17:30 MSK, medium: 30 min on Monday, the rest on Tuesday from 09:00
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T14:30:00Z", Priority.MEDIUM).trail(),
                at("2026-11-23T15:00:00Z"));

        // first response 240 min → Tuesday 12:30 MSK; resolution 480 min → Tuesday 16:30 MSK
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).due()).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(clock(sla, ClockTarget.RESOLUTION).due()).isEqualTo("2026-11-24T13:30:00Z");
        assertThat(clock(sla, ClockTarget.RESOLUTION).state()).isEqualTo(ClockState.RUNNING);
        assertThat(clock(sla, ClockTarget.RESOLUTION).used()).isZero();
        assertThat(clock(sla, ClockTarget.RESOLUTION).breached()).isFalse();
        assertThat(sla.clock(ClockTarget.NEXT_RESPONSE)).isEmpty();
        assertThat(sla.clock(ClockTarget.PERIODIC_UPDATE)).isEmpty();
    }

    @Test
    void crossesTheWeekendAndSeveralDaysAndCapsTheFirstAnswerAtADay() {
        // Friday 27 Nov 2026 17:00 MSK, low
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-27T14:00:00Z", Priority.LOW).trail(),
                at("2026-11-27T14:00:00Z"));

        // first response 480 min: 1 h Friday + 7 h Monday = Monday 16:00 MSK, past the cap: Saturday 17:00 MSK
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).due()).isEqualTo("2026-11-28T14:00:00Z");
        // resolution 40 h: Friday 1 h, Monday to Thursday 9 h each (37 h), Friday 4 Dec 3 h → 12:00 MSK
        assertThat(clock(sla, ClockTarget.RESOLUTION).due()).isEqualTo("2026-12-04T09:00:00Z");
    }

    @Test
    void skipsHolidaysAndCountsATransferredWorkingSaturday() {
        ClockCalculator calculator = calculator(policy(1, "2025", MOSCOW_2025, WAITING));
        // Friday 31 Oct 2025 17:00 MSK, medium: 1 h Friday, then Saturday 1 Nov is a working day
        TicketSla medium = calculator.compute(Trail.opened("2025-10-31T14:00:00Z", Priority.MEDIUM).trail(),
                at("2025-10-31T14:00:00Z"));
        // first response 240 min → Saturday 12:00 MSK; resolution 480 min → Saturday 16:00 MSK
        assertThat(clock(medium, ClockTarget.FIRST_RESPONSE).due()).isEqualTo("2025-11-01T09:00:00Z");
        assertThat(clock(medium, ClockTarget.RESOLUTION).due()).isEqualTo("2025-11-01T13:00:00Z");

        // low, resolution 40 h: Friday 1 h, Saturday 9 h, Monday and Tuesday off, Wednesday to Friday 27 h,
        // Monday 10 Nov 3 h → 12:00 MSK
        TicketSla low = calculator.compute(Trail.opened("2025-10-31T14:00:00Z", Priority.LOW).trail(),
                at("2025-10-31T14:00:00Z"));
        assertThat(clock(low, ClockTarget.RESOLUTION).due()).isEqualTo("2025-11-10T09:00:00Z");
    }

    @Test
    void endsEarlyOnAShortenedDayAndSkipsAPublicHoliday() {
        ClockCalculator calculator = calculator(policy(1, "ru", RUSSIA_2026, WAITING));
        // Tuesday 3 Nov 2026 16:00 MSK, medium: Tuesday ends at 17:00 (1 h), Wednesday is off
        TicketSla sla = calculator.compute(Trail.opened("2026-11-03T13:00:00Z", Priority.MEDIUM).trail(),
                at("2026-11-03T13:00:00Z"));

        // resolution 480 min: 1 h Tuesday, 7 h Thursday → Thursday 5 Nov 16:00 MSK
        assertThat(clock(sla, ClockTarget.RESOLUTION).due()).isEqualTo("2026-11-05T13:00:00Z");
        // first response: Thursday 12:00 MSK in business time, but no later than Wednesday 16:00 MSK (24 h)
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).due()).isEqualTo("2026-11-04T13:00:00Z");
    }

    @Test
    void keepsOfficeHoursOnTheWallClockAcrossBerlinsClockChanges() {
        ClockCalculator calculator = calculator(policy(1, "Berlin", BERLIN_OFFICE, WAITING));
        // Friday 27 Mar 2026 17:00 CET; clocks go forward on Sunday 29 March
        TicketSla spring = calculator.compute(Trail.opened("2026-03-27T16:00:00Z", Priority.MEDIUM).trail(),
                at("2026-03-27T16:00:00Z"));
        // resolution 480 min: 1 h Friday, 7 h Monday 30 Mar from 09:00 CEST → 16:00 CEST = 14:00Z
        assertThat(clock(spring, ClockTarget.RESOLUTION).due()).isEqualTo("2026-03-30T14:00:00Z");
        // first response: Monday 12:00 CEST in business time, capped at Saturday 17:00 CET
        assertThat(clock(spring, ClockTarget.FIRST_RESPONSE).due()).isEqualTo("2026-03-28T16:00:00Z");

        // Friday 23 Oct 2026 17:00 CEST; clocks go back on Sunday 25 October
        TicketSla autumn = calculator.compute(Trail.opened("2026-10-23T15:00:00Z", Priority.MEDIUM).trail(),
                at("2026-10-23T15:00:00Z"));
        // 1 h Friday, 7 h Monday 26 Oct from 09:00 CET → 16:00 CET = 15:00Z
        assertThat(clock(autumn, ClockTarget.RESOLUTION).due()).isEqualTo("2026-10-26T15:00:00Z");
    }

    @Test
    void countsRealTimeRoundTheClockOverTheNightClocksGoForward() {
        ClockCalculator calculator = calculator(policy(1, "24/7", BERLIN_ALL_DAY, WAITING));
        // Saturday 28 Mar 2026 23:30 CET, critical: resolution 120 min of real time → 00:30Z (02:30 CEST, the wall
        // clock having skipped an hour)
        TicketSla sla = calculator.compute(Trail.opened("2026-03-28T22:30:00Z", Priority.CRITICAL).trail(),
                at("2026-03-28T22:30:00Z"));
        assertThat(clock(sla, ClockTarget.RESOLUTION).due()).isEqualTo("2026-03-29T00:30:00Z");
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).due()).isEqualTo("2026-03-28T23:00:00Z");
    }

    // --- the clocks' life

    @Test
    void pausesWhileWaitingResumesOnTheCustomersReplyAndResumesResolutionOnReopen() {
        // Monday 23 Nov 2026, Moscow office hours, medium
        Trail trail = Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM)   // 10:00 MSK
                .status("2026-11-23T07:30:00Z", Status.NEW, Status.OPEN)
                .agent("2026-11-23T08:00:00Z", 11)                           // 11:00 answer and wait
                .status("2026-11-23T08:00:00Z", Status.OPEN, Status.PENDING)
                .status("2026-11-24T07:00:00Z", Status.PENDING, Status.OPEN)  // Tuesday 10:00 the customer replies
                .customer("2026-11-24T07:00:00Z", 12)
                .agent("2026-11-24T07:30:00Z", 13)                           // 10:30 answer
                .status("2026-11-24T09:00:00Z", Status.OPEN, Status.SOLVED)   // 12:00 solved
                .status("2026-11-25T06:00:00Z", Status.SOLVED, Status.OPEN)   // Wednesday 09:00 reopened by
                .customer("2026-11-25T06:00:00Z", 14);                       // the customer's reply

        TicketSla sla = STANDARD.compute(trail.trail(), at("2026-11-25T06:30:00Z"));

        SlaClock first = clock(sla, ClockTarget.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo(ClockState.STOPPED);
        assertThat(first.achieved()).isEqualTo(Duration.ofHours(1));
        assertThat(first.breached()).isFalse();
        // Resolution: 1 h Monday, paused while pending, 2 h Tuesday, then solved; reopened on Wednesday 09:00 with
        // 3 h used → 5 h left → 14:00 MSK
        SlaClock resolution = clock(sla, ClockTarget.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.used()).isEqualTo(Duration.ofHours(3));
        assertThat(resolution.runningSince()).isEqualTo("2026-11-25T06:00:00Z");
        assertThat(resolution.due()).isEqualTo("2026-11-25T11:00:00Z");
        // Next response: answered in 30 min on Tuesday; a new round since the reply on Wednesday → 13:00 MSK
        SlaClock next = clock(sla, ClockTarget.NEXT_RESPONSE);
        assertThat(next.state()).isEqualTo(ClockState.RUNNING);
        assertThat(next.rounds()).isEqualTo(2);
        assertThat(next.due()).isEqualTo("2026-11-25T10:00:00Z");
        // Periodic update: from each answer; a third round from the reopen → 17:00 MSK
        SlaClock periodic = clock(sla, ClockTarget.PERIODIC_UPDATE);
        assertThat(periodic.rounds()).isEqualTo(3);
        assertThat(periodic.due()).isEqualTo("2026-11-25T14:00:00Z");

        assertThat(steps(sla)).containsExactly(
                "2026-11-23T07:00:00Z STARTED FIRST_RESPONSE OPENED",
                "2026-11-23T07:00:00Z STARTED RESOLUTION OPENED",
                "2026-11-23T08:00:00Z STOPPED FIRST_RESPONSE AGENT_MESSAGE",
                "2026-11-23T08:00:00Z STARTED PERIODIC_UPDATE AGENT_MESSAGE",
                "2026-11-23T08:00:00Z PAUSED PERIODIC_UPDATE STATUS",
                "2026-11-23T08:00:00Z PAUSED RESOLUTION STATUS",
                "2026-11-24T07:00:00Z RESUMED PERIODIC_UPDATE STATUS",
                "2026-11-24T07:00:00Z RESUMED RESOLUTION STATUS",
                "2026-11-24T07:00:00Z STARTED NEXT_RESPONSE CUSTOMER_MESSAGE",
                "2026-11-24T07:30:00Z STOPPED NEXT_RESPONSE AGENT_MESSAGE",
                "2026-11-24T07:30:00Z STOPPED PERIODIC_UPDATE AGENT_MESSAGE",
                "2026-11-24T07:30:00Z STARTED PERIODIC_UPDATE AGENT_MESSAGE",
                "2026-11-24T09:00:00Z STOPPED PERIODIC_UPDATE STATUS",
                "2026-11-24T09:00:00Z STOPPED RESOLUTION STATUS",
                "2026-11-25T06:00:00Z RESUMED RESOLUTION REOPENED",
                "2026-11-25T06:00:00Z STARTED PERIODIC_UPDATE REOPENED",
                "2026-11-25T06:00:00Z STARTED NEXT_RESPONSE CUSTOMER_MESSAGE");

        // the reasons name the policy, the calendar, the status and the message
        ClockReason paused = sla.timeline().get(5).reason();
        assertThat(paused.status()).isEqualTo(Status.PENDING);
        assertThat(paused.policy()).isEqualTo(new SlaPolicyId(1));
        assertThat(paused.policyName()).isEqualTo("Стандарт");
        assertThat(paused.calendar()).isEqualTo(MOSCOW_OFFICE);
        ClockReason answered = sla.timeline().get(2).reason();
        assertThat(answered.message()).isEqualTo(11L);
        assertThat(answered.achieved()).isEqualTo(Duration.ofHours(1));
        assertThat(answered.breached()).isFalse();
        ClockReason resumed = sla.timeline().get(14).reason();
        assertThat(resumed.status()).isEqualTo(Status.OPEN);
        assertThat(resumed.due()).isEqualTo("2026-11-25T11:00:00Z");
        assertThat(resumed.target()).isEqualTo(minutes(480));
    }

    @Test
    void pausesOnlyInTheStatusesThePolicyNames() {
        ClockCalculator pendingOnly = calculator(policy(1, "pending only", MOSCOW_OFFICE, Set.of(Status.PENDING)));
        // Monday 10:00 MSK, medium; on hold 10:00–12:00 (counts), pending 12:00–13:00 (does not)
        TicketSla sla = pendingOnly.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM)
                .status("2026-11-23T07:00:00Z", Status.NEW, Status.ON_HOLD)
                .status("2026-11-23T09:00:00Z", Status.ON_HOLD, Status.PENDING)
                .status("2026-11-23T10:00:00Z", Status.PENDING, Status.OPEN).trail(), at("2026-11-23T10:00:00Z"));

        // 2 h used by 13:00 → 6 h left → 19:00 is past closing: Tuesday 10:00 MSK
        SlaClock resolution = clock(sla, ClockTarget.RESOLUTION);
        assertThat(resolution.used()).isEqualTo(Duration.ofHours(2));
        assertThat(resolution.due()).isEqualTo("2026-11-24T07:00:00Z");
        assertThat(steps(sla)).filteredOn(s -> s.contains("RESOLUTION")).containsExactly(
                "2026-11-23T07:00:00Z STARTED RESOLUTION OPENED",
                "2026-11-23T09:00:00Z PAUSED RESOLUTION STATUS",
                "2026-11-23T10:00:00Z RESUMED RESOLUTION STATUS");
    }

    @Test
    void aPausedClockHasNoDueTimeUntilItResumes() {
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM)
                .status("2026-11-23T08:00:00Z", Status.NEW, Status.ON_HOLD).trail(), at("2026-11-30T08:00:00Z"));

        SlaClock resolution = clock(sla, ClockTarget.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(ClockState.PAUSED);
        assertThat(resolution.used()).isEqualTo(Duration.ofHours(1));
        assertThat(resolution.due()).isNull();
        assertThat(resolution.breachedAt(at("2026-11-30T08:00:00Z"))).isFalse();
        // the first answer waits too: a week on hold does not break the 24-hour cap
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.PAUSED);
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).breached()).isFalse();
    }

    @Test
    void aRaisedPriorityGivesTheClocksTheNewTargetKeepingTheTimeUsedAndSaysSo() {
        // Monday 10:00 MSK medium; at 11:00 raised to critical
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM)
                .priority("2026-11-23T08:00:00Z", Priority.MEDIUM, Priority.CRITICAL).trail(),
                at("2026-11-23T08:10:00Z"));

        // first response: 1 h used of 30 min: ran out at 10:30 MSK, breached
        SlaClock first = clock(sla, ClockTarget.FIRST_RESPONSE);
        assertThat(first.allowed()).isEqualTo(minutes(30));
        assertThat(first.due()).isEqualTo("2026-11-23T07:30:00Z");
        assertThat(first.breached()).isTrue();
        // resolution: 1 h used of 120 min → 12:00 MSK
        SlaClock resolution = clock(sla, ClockTarget.RESOLUTION);
        assertThat(resolution.used()).isEqualTo(Duration.ofHours(1));
        assertThat(resolution.due()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(resolution.breached()).isFalse();

        TimelineEntry change = sla.timeline().stream()
                .filter(e -> e.kind() == TimelineKind.TARGET_CHANGED && e.target() == ClockTarget.RESOLUTION)
                .findFirst().orElseThrow();
        assertThat(change.at()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(change.reason()).satisfies(reason -> {
            assertThat(reason.cause()).isEqualTo(ClockReason.Cause.PRIORITY);
            assertThat(reason.from()).isEqualTo("MEDIUM");
            assertThat(reason.to()).isEqualTo("CRITICAL");
            assertThat(reason.previousTarget()).isEqualTo(minutes(480));
            assertThat(reason.target()).isEqualTo(minutes(120));
            assertThat(reason.due()).isEqualTo("2026-11-23T09:00:00Z");
        });
    }

    @Test
    void anotherCategoryBringsAnotherPolicyAndCalendarForTheRest() {
        SlaPolicy standard = policy(1, "Стандарт", MOSCOW_OFFICE, WAITING);
        SlaPolicy allDay = new SlaPolicy(new SlaPolicyId(2), "Аварии", true, PolicyConditions.ANY, MOSCOW_ALL_DAY,
                Map.of(Priority.MEDIUM, targets(60, 60, 120, 480)), WAITING, Duration.ofHours(24));
        ClockCalculator calculator = calculator(subject -> Long.valueOf(7).equals(subject.categoryId()) ? allDay
                : standard);
        // Friday 27 Nov 17:00 MSK, medium; at 17:30 put in category 7 (round the clock)
        TicketSla sla = calculator.compute(Trail.opened("2026-11-27T14:00:00Z", Priority.MEDIUM)
                .category("2026-11-27T14:30:00Z", null, 7L).trail(), at("2026-11-27T14:30:00Z"));

        // resolution: 30 min used in office hours, 7.5 h left round the clock → Saturday 01:00 MSK
        SlaClock resolution = clock(sla, ClockTarget.RESOLUTION);
        assertThat(resolution.policy()).isEqualTo(new SlaPolicyId(2));
        assertThat(resolution.calendar()).isEqualTo(MOSCOW_ALL_DAY);
        assertThat(resolution.due()).isEqualTo("2026-11-27T22:00:00Z");
        // first response: 30 min used, 30 min left → 18:00 MSK
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).due()).isEqualTo("2026-11-27T15:00:00Z");
        assertThat(sla.timeline()).filteredOn(e -> e.kind() == TimelineKind.TARGET_CHANGED).allSatisfy(e -> {
            assertThat(e.reason().cause()).isEqualTo(ClockReason.Cause.CATEGORY);
            assertThat(e.reason().policy()).isEqualTo(new SlaPolicyId(2));
            assertThat(e.reason().policyName()).isEqualTo("Аварии");
            assertThat(e.reason().calendar()).isEqualTo(MOSCOW_ALL_DAY);
            assertThat(e.reason().to()).isEqualTo("7");
        }).hasSize(2);
    }

    @Test
    void aTicketWithoutCategoryOrTeamIsMatchedPastPoliciesThatNeedOne() {
        SlaPolicy forCategory = new SlaPolicy(new SlaPolicyId(2), "Категория 7", true, new PolicyConditions(Set.of(),
                Set.of(7L), Set.of(), Set.of(), Set.of(), Set.of(3L)), MOSCOW_ALL_DAY, TARGETS, WAITING, null);
        SlaPolicy standard = policy(1, "Стандарт", MOSCOW_OFFICE, WAITING);
        ClockCalculator calculator = calculator(subject -> forCategory.conditions().matches(subject) ? forCategory
                : standard);

        TicketSla sla = calculator.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM).trail(),
                at("2026-11-23T07:00:00Z"));

        assertThat(clock(sla, ClockTarget.RESOLUTION).policy()).isEqualTo(new SlaPolicyId(1));
    }

    @Test
    void aChangeThatKeepsPolicyAndTargetLeavesTheTimelineAlone() {
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM)
                .team("2026-11-23T08:00:00Z", null, 3L).trail(), at("2026-11-23T08:00:00Z"));

        assertThat(sla.timeline()).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.STARTED, TimelineKind.STARTED);
        assertThat(clock(sla, ClockTarget.RESOLUTION).due()).isEqualTo("2026-11-23T15:00:00Z");
    }

    @Test
    void aLateAnswerIsABreachAndARunningClockIsBreachedOncePastItsDueTime() {
        // Monday 10:00 MSK, critical: first answer due 10:30
        Trail opened = Trail.opened("2026-11-23T07:00:00Z", Priority.CRITICAL);
        assertThat(clock(STANDARD.compute(opened.trail(), at("2026-11-23T07:29:00Z")), ClockTarget.FIRST_RESPONSE)
                .breached()).isFalse();
        SlaClock running = clock(STANDARD.compute(opened.trail(), at("2026-11-23T07:31:00Z")),
                ClockTarget.FIRST_RESPONSE);
        assertThat(running.breached()).isTrue();
        assertThat(running.breachedAt(at("2026-11-23T07:29:00Z"))).isFalse();

        TicketSla answered = STANDARD.compute(opened.agent("2026-11-23T08:00:00Z", 21).trail(),
                at("2026-11-23T08:00:00Z"));
        SlaClock first = clock(answered, ClockTarget.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo(ClockState.STOPPED);
        assertThat(first.achieved()).isEqualTo(Duration.ofHours(1));
        assertThat(first.due()).isEqualTo("2026-11-23T07:30:00Z");
        assertThat(first.breached()).isTrue();
        assertThat(first.breaches()).isEqualTo(1);
    }

    @Test
    void aTargetThePolicyDoesNotSetHasNoClock() {
        // low has no periodic update target
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.LOW)
                .agent("2026-11-23T08:00:00Z", 31).trail(), at("2026-11-23T08:00:00Z"));

        assertThat(sla.clock(ClockTarget.PERIODIC_UPDATE)).isEmpty();
        assertThat(sla.timeline()).noneMatch(e -> e.target() == ClockTarget.PERIODIC_UPDATE);
    }

    @Test
    void customerMessagesBeforeTheFirstAnswerStartNoNextResponseClock() {
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM)
                .customer("2026-11-23T07:00:00Z", 40).customer("2026-11-23T07:20:00Z", 41).trail(),
                at("2026-11-23T08:00:00Z"));

        assertThat(sla.clock(ClockTarget.NEXT_RESPONSE)).isEmpty();
        assertThat(clock(sla, ClockTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void aTicketSolvedWithoutAnAnswerAndReopenedWaitsForItsFirstAnswerStill() {
        // Monday 10:00 MSK medium, solved at 11:00 unanswered, reopened at 12:00 by the customer
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.MEDIUM)
                .status("2026-11-23T08:00:00Z", Status.NEW, Status.SOLVED)
                .status("2026-11-23T09:00:00Z", Status.SOLVED, Status.OPEN)
                .customer("2026-11-23T09:00:00Z", 50).trail(), at("2026-11-23T09:00:00Z"));

        SlaClock first = clock(sla, ClockTarget.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo(ClockState.RUNNING);
        assertThat(first.used()).isEqualTo(Duration.ofHours(1));
        // 3 h left from 12:00 → 15:00 MSK
        assertThat(first.due()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(sla.clock(ClockTarget.NEXT_RESPONSE)).isEmpty();
    }

    @Test
    void solvingStopsEveryClockAndClosingChangesNothing() {
        TicketSla sla = STANDARD.compute(Trail.opened("2026-11-23T07:00:00Z", Priority.HIGH)
                .agent("2026-11-23T07:10:00Z", 60)
                .customer("2026-11-23T07:20:00Z", 61)
                .status("2026-11-23T07:40:00Z", Status.OPEN, Status.SOLVED)
                .status("2026-11-30T07:40:00Z", Status.SOLVED, Status.CLOSED).trail(), at("2026-12-01T07:00:00Z"));

        assertThat(sla.clocks()).extracting(SlaClock::state).containsOnly(ClockState.STOPPED).hasSize(4);
        assertThat(clock(sla, ClockTarget.RESOLUTION).achieved()).isEqualTo(minutes(40));
        assertThat(clock(sla, ClockTarget.NEXT_RESPONSE).achieved()).isEqualTo(minutes(20));
        assertThat(sla.clocks()).noneMatch(SlaClock::breached);
        assertThat(sla.timeline().getLast().at()).isEqualTo("2026-11-23T07:40:00Z");
    }

    // --- helpers

    static SlaClock clock(TicketSla sla, ClockTarget target) {
        return sla.clock(target).orElseThrow(() -> new AssertionError("no " + target + " clock in " + sla));
    }

    static List<String> steps(TicketSla sla) {
        return sla.timeline().stream().map(e -> e.at() + " " + e.kind() + " " + e.target() + " "
                + e.reason().cause()).toList();
    }

    /** A ticket's trail written fact by fact, in the order the ticket module would give them. */
    record Trail(Instant opened, Priority priority, List<TicketTrail.Fact> facts) {

        static Trail opened(String utc, Priority priority) {
            return new Trail(Instant.parse(utc), priority, List.of());
        }

        Trail status(String utc, Status from, Status to) {
            return with(new TicketTrail.StatusChange(Instant.parse(utc), from, to));
        }

        Trail priority(String utc, Priority from, Priority to) {
            return with(new TicketTrail.PriorityChange(Instant.parse(utc), from, to));
        }

        Trail category(String utc, Long from, Long to) {
            return with(new TicketTrail.CategoryChange(Instant.parse(utc), from, to));
        }

        Trail team(String utc, Long from, Long to) {
            return with(new TicketTrail.TeamChange(Instant.parse(utc), from, to));
        }

        Trail agent(String utc, long message) {
            return with(new TicketTrail.PublicMessage(Instant.parse(utc), message, Actor.Type.AGENT));
        }

        Trail customer(String utc, long message) {
            return with(new TicketTrail.PublicMessage(Instant.parse(utc), message, Actor.Type.CUSTOMER));
        }

        private Trail with(TicketTrail.Fact fact) {
            List<TicketTrail.Fact> all = new ArrayList<>(facts);
            all.add(fact);
            return new Trail(opened, priority, all);
        }

        /** As opened: status new, the priority given (its first change's old value), no category or team. */
        TicketTrail trail() {
            return new TicketTrail(new TicketId(1001), opened, Channel.EMAIL, null, Set.of(), Status.NEW, priority,
                    null, null, facts);
        }
    }
}
