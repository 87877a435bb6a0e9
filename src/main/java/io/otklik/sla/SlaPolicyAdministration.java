package io.otklik.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.otklik.agent.AgentDirectory;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.TicketAttributeChoices;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service-level policies as administrators keep them: supervisors see them, administrators add, change, reorder,
 * switch on and off and delete them. The default policy stays last, on, and without conditions, so every ticket has
 * a policy; it cannot be deleted. Nothing with problems is saved; every saved change publishes
 * {@link SlaPolicyChanged} after it commits.
 */
@Service
public class SlaPolicyAdministration {

    private final PolicyRows rows;
    private final StoredSlaPolicies policies;
    private final CalendarRows calendars;
    private final TicketAttributeChoices choices;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaPolicyAdministration(PolicyRows rows, StoredSlaPolicies policies, CalendarRows calendars,
            TicketAttributeChoices choices, AgentDirectory agents, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.policies = policies;
        this.calendars = calendars;
        this.choices = choices;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /** All policies in the order they are tried, the default one last. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<SlaPolicyView> policies() {
        policies.all(); // on the very first start, makes the default policy before listing
        return rows.all();
    }

    /** @throws NotFoundException when there is no such policy */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public SlaPolicyView policy(SlaPolicyId id) {
        return load(id);
    }

    /**
     * Adds a policy just above the default one.
     *
     * @throws InvalidSlaPolicy with everything that is wrong
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public SlaPolicyId create(PolicyDetails details) {
        policies.all(); // the default policy (and the revision row) exist before any other
        PolicyDetails checked = check(details, null, false);
        SlaPolicyId id;
        try {
            id = rows.insert(checked, rows.nextPosition(), clock.instant());
        } catch (DataIntegrityViolationException sameNameMeanwhile) {
            throw new InvalidSlaPolicy(new PolicyProblem("name", "sla-policy.name-taken", checked.name()));
        }
        changed(id);
        return id;
    }

    /**
     * Changes a policy's settings; the default policy's conditions must stay empty and it stays on.
     *
     * @throws InvalidSlaPolicy with everything that is wrong
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(SlaPolicyId id, PolicyDetails details) {
        SlaPolicyView policy = load(id);
        PolicyDetails checked = check(details, id, policy.isDefault());
        try {
            rows.update(id, checked, clock.instant());
        } catch (DataIntegrityViolationException sameNameMeanwhile) {
            throw new InvalidSlaPolicy(new PolicyProblem("name", "sla-policy.name-taken", checked.name()));
        }
        changed(id);
    }

    /**
     * Switches a policy on or off; nothing happens when it already is.
     *
     * @throws RuleViolationException to switch off the default policy
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void enable(SlaPolicyId id, boolean enabled) {
        SlaPolicyView policy = load(id);
        if (policy.isDefault() && !enabled) {
            throw new RuleViolationException("sla-policy.default-always-on", policy.name());
        }
        if (policy.policy().enabled() != enabled) {
            rows.enable(id, enabled);
            changed(id);
        }
    }

    /** Moves a policy one place up, to be tried earlier; nothing happens to the first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void moveUp(SlaPolicyId id) {
        move(id, -1);
    }

    /** Moves a policy one place down, to be tried later; nothing happens to the last one above the default. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void moveDown(SlaPolicyId id) {
        move(id, 1);
    }

    /** @throws RuleViolationException for the default policy */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(SlaPolicyId id) {
        SlaPolicyView policy = load(id);
        if (policy.isDefault()) {
            throw new RuleViolationException("sla-policy.default-not-deletable", policy.name());
        }
        rows.delete(id);
        changed(id);
    }

    private void move(SlaPolicyId id, int by) {
        rows.touch(null, clock.instant()); // takes the lock first, so that two moves never see the same order
        SlaPolicyView policy = load(id);
        if (policy.isDefault()) {
            throw new RuleViolationException("sla-policy.default-not-movable", policy.name());
        }
        List<SlaPolicyId> order = new ArrayList<>(rows.all().stream().filter(p -> !p.isDefault())
                .map(SlaPolicyView::id).toList());
        int from = order.indexOf(id);
        int to = from + by;
        if (to < 0 || to >= order.size()) {
            return;
        }
        SlaPolicyId other = order.get(to);
        order.set(to, id);
        order.set(from, other);
        rows.order(order);
        changed(id);
        events.publishEvent(new SlaPolicyChanged(other));
    }

    /**
     * Whether the settings can be saved: their own problems, then the name, the calendar, the conditions' values and
     * the default policy's rules. The settings to save come back with segment names spelt as the segments are.
     */
    private PolicyDetails check(PolicyDetails details, SlaPolicyId id, boolean isDefault) {
        List<PolicyProblem> problems = new ArrayList<>(details.problems());
        if (problems.stream().noneMatch(problem -> problem.field().equals("name"))
                && rows.nameTaken(details.name(), id)) {
            problems.add(0, new PolicyProblem("name", "sla-policy.name-taken", details.name()));
        }
        if (details.calendar() != null && calendars.one(details.calendar()).isEmpty()) {
            problems.add(new PolicyProblem("calendar", "sla-policy.calendar-unknown", details.calendar().value()));
        }
        PolicyConditions conditions = details.conditions();
        if (isDefault) {
            if (!conditions.equals(PolicyConditions.ANY)) {
                problems.add(new PolicyProblem("conditions", "sla-policy.default-conditions"));
            }
            if (!details.enabled()) {
                problems.add(new PolicyProblem("enabled", "sla-policy.default-always-on", details.name()));
            }
        }
        unknown("categories", conditions.categories(), () -> choices.categories().stream()
                .map(TicketAttributeChoices.Choice::id).toList(), "sla-policy.category-unknown", problems);
        unknown("organizations", conditions.organizations(), () -> choices.organizations().stream()
                .map(TicketAttributeChoices.Choice::id).toList(), "sla-policy.organization-unknown", problems);
        unknown("teams", conditions.teams(), () -> agents.teams().stream().map(team -> team.id().value()).toList(),
                "sla-policy.team-unknown", problems);
        Map<String, String> segments = new HashMap<>();
        if (!conditions.segments().isEmpty()) {
            choices.segments().forEach(name -> segments.put(name.toLowerCase(Locale.ROOT), name));
        }
        Set<String> spelt = new LinkedHashSet<>();
        for (String segment : conditions.segments().stream().sorted().toList()) {
            String known = segments.get(segment.toLowerCase(Locale.ROOT));
            if (known == null) {
                problems.add(new PolicyProblem("segments", "sla-policy.segment-unknown", segment));
            } else {
                spelt.add(known);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSlaPolicy(problems);
        }
        return new PolicyDetails(details.name(), details.enabled(), new PolicyConditions(conditions.priorities(),
                conditions.categories(), conditions.organizations(), spelt, conditions.channels(),
                conditions.teams()), details.calendar(), details.targets(), details.pausedIn(),
                details.firstResponseCap());
    }

    private static void unknown(String field, Set<Long> asked, Supplier<List<Long>> known, String code,
            List<PolicyProblem> problems) {
        if (asked.isEmpty()) {
            return;
        }
        Set<Long> missing = new HashSet<>(asked);
        known.get().forEach(missing::remove);
        missing.stream().sorted().findFirst().ifPresent(id -> problems.add(new PolicyProblem(field, code, id)));
    }

    private void changed(SlaPolicyId id) {
        rows.touch(id, clock.instant());
        policies.changed();
        events.publishEvent(new SlaPolicyChanged(id));
    }

    private SlaPolicyView load(SlaPolicyId id) {
        return rows.one(id).orElseThrow(() -> new NotFoundException("sla-policy.not-found", id.value()));
    }
}
