package io.otklik.sla;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.customer.CustomerSegments;
import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Service-level policies kept in the database: the default one made on first start with the product's targets, the
 * first enabled match applying (the default last), changes seen at once on this node and within seconds on another,
 * the rules the default policy and the 24-hour cap keep, and calendars in use kept from deletion.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class SlaPoliciesTests extends PostgresTest {

    @Autowired SlaPolicies policies;
    @Autowired SlaPolicyAdministration administration;
    @Autowired BusinessCalendars calendars;
    @Autowired CalendarAdministration calendarAdministration;
    @Autowired CustomerSegments segments;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    final String mark = TestStaff.unique();
    final List<Runnable> undo = new ArrayList<>();
    String vip;

    @BeforeEach
    void segment() {
        vip = "VIP-" + mark;
        asAdmin(() -> {
            segments.create(vip);
            return null;
        });
        undo.add(() -> segments.delete(vip));
    }

    @AfterEach
    void undo() {
        asAdmin(() -> {
            administration.policies().stream().filter(p -> p.name().contains(mark))
                    .forEach(p -> administration.delete(p.id()));
            return null;
        });
        for (Runnable step : undo.reversed()) {
            asAdmin(() -> {
                step.run();
                return null;
            });
        }
    }

    @Test
    void theDefaultPolicyIsMadeOnFirstStartWithTheProductsTargets() {
        SlaPolicy standard = policies.all().getLast();

        assertThat(standard.name()).isEqualTo("Стандартный");
        assertThat(standard.enabled()).isTrue();
        assertThat(standard.conditions()).isEqualTo(PolicyConditions.ANY);
        assertThat(standard.calendar()).isEqualTo(calendars.standardId());
        assertThat(standard.pausedIn()).containsExactlyInAnyOrder(Status.PENDING, Status.ON_HOLD);
        assertThat(standard.firstResponseCap()).isEqualTo(Duration.ofHours(24));
        assertThat(minutes(standard, Priority.CRITICAL)).containsExactly(30L, 30L, null, 120L);
        assertThat(minutes(standard, Priority.HIGH)).containsExactly(60L, 60L, null, 240L);
        assertThat(minutes(standard, Priority.MEDIUM)).containsExactly(240L, 240L, null, 480L);
        assertThat(minutes(standard, Priority.LOW)).containsExactly(480L, 480L, null, 2400L);
        assertThat(asAdmin(() -> administration.policies()).getLast().isDefault()).isTrue();
        assertThat(policies.applicableTo(subject(Priority.HIGH, Set.of(), Channel.EMAIL))).isEqualTo(standard);
    }

    @Test
    void theFirstEnabledMatchingPolicyAppliesAndTheDefaultCatchesTheRest() {
        SlaPolicyId forVip = create("VIP " + mark, conditions(Set.of(), Set.of(vip), Set.of()), true);
        SlaPolicyId critical = create("Критичные " + mark, conditions(Set.of(Priority.CRITICAL), Set.of(),
                Set.of()), true);
        SlaPolicyId everythingButOff = create("Выключенная " + mark, PolicyConditions.ANY, false);
        asAdmin(() -> {
            administration.moveUp(everythingButOff);
            administration.moveUp(everythingButOff);
            return null;
        });
        assertThat(ours()).containsExactly("Выключенная " + mark, "VIP " + mark, "Критичные " + mark);

        // A VIP customer's critical ticket: both match, the first in the list applies; the disabled one never does
        SlaSubject vipCritical = subject(Priority.CRITICAL, Set.of(vip.toLowerCase(Locale.ROOT), "Партнёры"),
                Channel.TELEGRAM);
        assertThat(policies.applicableTo(vipCritical).id()).isEqualTo(forVip);
        asAdmin(() -> {
            administration.moveUp(critical);
            return null;
        });
        assertThat(ours()).containsExactly("Выключенная " + mark, "Критичные " + mark, "VIP " + mark);
        assertThat(policies.applicableTo(vipCritical).id()).isEqualTo(critical);
        assertThat(policies.applicableTo(subject(Priority.LOW, Set.of(vip), Channel.EMAIL)).id()).isEqualTo(forVip);

        SlaPolicy standard = policies.all().getLast();
        assertThat(policies.applicableTo(subject(Priority.LOW, Set.of("Партнёры"), Channel.PHONE)))
                .isEqualTo(standard);
        assertThat(policies.get(everythingButOff).enabled()).isFalse();

        // Down past the last one above the default does nothing; the default stays last
        asAdmin(() -> {
            administration.moveDown(forVip);
            return null;
        });
        assertThat(policies.all().getLast()).isEqualTo(standard);
        assertThat(ours()).containsExactly("Выключенная " + mark, "Критичные " + mark, "VIP " + mark);
    }

    @Test
    void aChangeThroughTheAdministrationAppliesAtOnceAndIsTold() {
        SlaSubject phone = subject(Priority.LOW, Set.of(), Channel.PHONE);
        SlaPolicy before = policies.applicableTo(phone);
        assertThat(before.name()).isEqualTo("Стандартный");

        SlaPolicyId id = create("Телефон " + mark, conditions(Set.of(), Set.of(), Set.of(Channel.PHONE)), true);
        assertThat(policies.applicableTo(phone).id()).isEqualTo(id);
        assertThat(policies.applicableTo(phone).target(Priority.LOW, ClockTarget.FIRST_RESPONSE))
                .isEqualTo(Duration.ofMinutes(45));

        asAdmin(() -> {
            administration.enable(id, false);
            return null;
        });
        assertThat(policies.applicableTo(phone)).isEqualTo(before);

        asAdmin(() -> {
            administration.update(id, details("Телефон и чат " + mark, conditions(Set.of(), Set.of(),
                    Set.of(Channel.PHONE, Channel.CHAT)), true, calendars.standardId(), Duration.ofHours(8)));
            return null;
        });
        SlaPolicy changed = policies.applicableTo(subject(Priority.MEDIUM, Set.of(), Channel.CHAT));
        assertThat(changed.name()).isEqualTo("Телефон и чат " + mark);
        assertThat(changed.firstResponseCap()).isEqualTo(Duration.ofHours(8));

        assertThat(events.stream(SlaPolicyChanged.class)).extracting(SlaPolicyChanged::id)
                .containsExactly(id, id, id);
    }

    @Test
    void anotherNodesChangeIsSeenWithinSeconds() {
        SlaPolicyId id = create("Другой узел " + mark, conditions(Set.of(Priority.HIGH), Set.of(), Set.of()), true);
        SlaSubject high = subject(Priority.HIGH, Set.of(), Channel.EMAIL);
        assertThat(policies.applicableTo(high).id()).isEqualTo(id);

        // Another node switches it off: the row and the revision move on, this node's memory is not told.
        jdbc.sql("update sla_policy set enabled = false where id = :id").param("id", id.value()).update();
        jdbc.sql("update sla_policy_state set revision = revision + 1").update();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> !policies.applicableTo(high).id().equals(id));
        assertThat(policies.get(id).enabled()).isFalse();
    }

    @Test
    void nothingIsSavedWithProblemsAndNoPolicyLetsAFirstAnswerWaitPast24Hours() {
        List<String> before = ours();
        BusinessCalendarId standard = calendars.standardId();

        assertThat(problems(details("", PolicyConditions.ANY, true, standard, null)))
                .containsExactly("name sla-policy.name-required", "firstResponseCap sla-policy.cap-required");
        assertThat(problems(details("Долго " + mark, PolicyConditions.ANY, true, standard,
                Duration.ofHours(24).plusMinutes(1))))
                .containsExactly("firstResponseCap sla-policy.cap-range");
        assertThat(problems(details("Стандартный", conditions(Set.of(), Set.of("Нет такого " + mark), Set.of()),
                true, new BusinessCalendarId(-5), Duration.ofHours(24))))
                .containsExactly("name sla-policy.name-taken", "calendar sla-policy.calendar-unknown",
                        "segments sla-policy.segment-unknown");
        PolicyDetails pausedWhileOpen = new PolicyDetails("Открытые " + mark, true, PolicyConditions.ANY, standard,
                Map.of(), EnumSet.of(Status.OPEN, Status.PENDING), Duration.ofHours(24));
        assertThat(problems(pausedWhileOpen)).containsExactly("pausedIn sla-policy.paused-status-refused");
        assertThat(ours()).isEqualTo(before);

        InvalidSlaPolicy tooLong = catchInvalid(details("Долго " + mark, PolicyConditions.ANY, true, standard,
                Duration.ofHours(25)));
        assertThat(tooLong.message(messages, Locale.of("ru")))
                .isEqualTo("Первый ответ — не позже чем через 24 ч после обращения, при любой политике.");
        assertThat(tooLong.message(messages, Locale.ENGLISH))
                .isEqualTo("A first answer is due within 24 h of the request at the latest, whatever the policy.");
    }

    @Test
    void theDefaultPolicyStaysLastOnAndForEveryTicket() {
        SlaPolicyView standard = asAdmin(() -> administration.policies()).getLast();
        SlaPolicyId id = standard.id();

        assertThatThrownBy(() -> asAdmin(() -> {
            administration.enable(id, false);
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessage("sla-policy.default-always-on");
        assertThatThrownBy(() -> asAdmin(() -> {
            administration.delete(id);
            return null;
        })).hasMessage("sla-policy.default-not-deletable");
        assertThatThrownBy(() -> asAdmin(() -> {
            administration.moveUp(id);
            return null;
        })).hasMessage("sla-policy.default-not-movable");
        PolicyDetails withConditions = new PolicyDetails(standard.name(), true, conditions(Set.of(Priority.LOW),
                Set.of(), Set.of()), standard.policy().calendar(), standard.policy().targets(),
                standard.policy().pausedIn(), standard.policy().firstResponseCap());
        assertThat(invalid(() -> administration.update(id, withConditions)))
                .containsExactly("conditions sla-policy.default-conditions");

        assertThat(policies.get(id)).isEqualTo(standard.policy());
        assertThat(policies.all().getLast().id()).isEqualTo(id);
    }

    @Test
    void aCalendarAPolicyCountsInCannotBeDeleted() {
        String calendarName = "Для политики " + mark;
        BusinessCalendarId calendar = asAdmin(() -> calendarAdministration.create(new CalendarDetails(calendarName,
                "Asia/Vladivostok", false, List.of("09:00-18:00"), "")));
        undo.add(() -> {
            if (calendarAdministration.calendars().stream().anyMatch(c -> c.id().equals(calendar))) {
                calendarAdministration.delete(calendar);
            }
        });
        SlaPolicyId policy = asAdmin(() -> administration.create(details("Владивосток " + mark,
                PolicyConditions.ANY, false, calendar, Duration.ofHours(24))));

        RuleViolationException refused = catchThrowable(() -> calendarAdministration.delete(calendar));
        assertThat(refused.message(messages, Locale.of("ru"))).isEqualTo("Календарь «" + calendarName + "» нельзя "
                + "удалить: по нему считаются сроки политик SLA (Владивосток " + mark + "). Сначала выберите в них "
                + "другой календарь.");
        assertThat(refused.message(messages, Locale.ENGLISH)).isEqualTo("Calendar \"" + calendarName + "\" cannot "
                + "be deleted: the SLA policies Владивосток " + mark + " count their targets in it. Choose another "
                + "calendar in them first.");
        assertThat(asAdmin(() -> calendarAdministration.calendar(calendar)).name()).isEqualTo(calendarName);

        asAdmin(() -> {
            administration.delete(policy);
            calendarAdministration.delete(calendar);
            return null;
        });
        assertThat(asAdmin(() -> calendarAdministration.calendars())).noneMatch(c -> c.id().equals(calendar));
    }

    private SlaPolicyId create(String name, PolicyConditions conditions, boolean enabled) {
        return asAdmin(() -> administration.create(details(name, conditions, enabled, calendars.standardId(),
                Duration.ofHours(24))));
    }

    /** Targets: 45 min to a first answer for every priority, 8 h to solve. */
    private static PolicyDetails details(String name, PolicyConditions conditions, boolean enabled,
            BusinessCalendarId calendar, Duration cap) {
        Map<Priority, PolicyTargets> targets = new java.util.EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, new PolicyTargets(Duration.ofMinutes(45), null, null, Duration.ofHours(8)));
        }
        return new PolicyDetails(name, enabled, conditions, calendar, targets, EnumSet.of(Status.PENDING), cap);
    }

    private static PolicyConditions conditions(Set<Priority> priorities, Set<String> segments, Set<Channel> channels) {
        return new PolicyConditions(priorities, Set.of(), Set.of(), segments, channels, Set.of());
    }

    private static SlaSubject subject(Priority priority, Set<String> segments, Channel channel) {
        return new SlaSubject(priority, null, null, segments, channel, null);
    }

    /** The names of this test's policies in the order they are tried. */
    private List<String> ours() {
        return policies.all().stream().map(SlaPolicy::name).filter(name -> name.contains(mark)).toList();
    }

    private static List<Long> minutes(SlaPolicy policy, Priority priority) {
        List<Long> minutes = new ArrayList<>();
        for (ClockTarget kind : ClockTarget.values()) {
            Duration target = policy.target(priority, kind);
            minutes.add(target == null ? null : target.toMinutes());
        }
        return minutes;
    }

    private List<String> problems(PolicyDetails details) {
        return invalid(() -> administration.create(details));
    }

    private InvalidSlaPolicy catchInvalid(PolicyDetails details) {
        return catchThrowable(() -> administration.create(details));
    }

    private List<String> invalid(Runnable change) {
        InvalidSlaPolicy invalid = catchThrowable(change::run);
        return invalid.problems().stream().map(p -> p.field() + " " + p.code()).toList();
    }

    @SuppressWarnings("unchecked")
    private static <E extends RuntimeException> E catchThrowable(Runnable change) {
        try {
            asAdmin(() -> {
                change.run();
                return null;
            });
        } catch (RuntimeException e) {
            return (E) e;
        }
        throw new AssertionError("nothing was refused");
    }
}
