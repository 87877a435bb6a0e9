package io.otklik.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.otklik.agent.AgentDirectory;
import io.otklik.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A policy's escalation rules as administrators keep them: supervisors see them, administrators add, switch on and
 * off and delete them (a rule is not edited: delete it and add another, so what fired stays explained by what the
 * rule was). Nothing with problems is saved; every saved change publishes {@link EscalationRulesChanged}.
 */
@Service
public class EscalationAdministration {

    /** More rules than this on one policy would be a mistake, not a plan. */
    public static final int MAX_RULES = 40;

    private final EscalationRuleRows rows;
    private final PolicyRows policies;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationAdministration(EscalationRuleRows rows, PolicyRows policies, AgentDirectory agents,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.policies = policies;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The policy's rules, switched off ones too: by target, share of the target, action.
     *
     * @throws NotFoundException when there is no such policy
     */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<EscalationRule> rules(SlaPolicyId policy) {
        policy(policy);
        return rows.of(policy);
    }

    /**
     * Adds a rule, switched on.
     *
     * @throws InvalidEscalationRule with everything that is wrong
     * @throws NotFoundException when there is no such policy
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public EscalationRuleId add(SlaPolicyId policy, EscalationRuleDetails rule) {
        policy(policy);
        rows.lockPolicy(policy);
        List<PolicyProblem> problems = new ArrayList<>(rule.problems());
        if (rule.team() != null && agents.team(rule.team()).isEmpty()) {
            problems.add(new PolicyProblem("team", "sla-escalation.team-unknown", rule.team().value()));
        }
        List<EscalationRule> existing = rows.of(policy);
        if (problems.isEmpty() && existing.stream().anyMatch(rule::sameAs)) {
            problems.add(new PolicyProblem("global", "sla-escalation.duplicate"));
        }
        if (problems.isEmpty() && existing.size() >= MAX_RULES) {
            problems.add(new PolicyProblem("global", "sla-escalation.too-many", MAX_RULES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEscalationRule(problems);
        }
        EscalationRuleId id = rows.insert(policy, rule, true, clock.instant());
        events.publishEvent(new EscalationRulesChanged(policy));
        return id;
    }

    /**
     * Switches a rule on or off; nothing happens when it already is.
     *
     * @throws NotFoundException when the policy has no such rule
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void enable(SlaPolicyId policy, EscalationRuleId id, boolean enabled) {
        EscalationRule rule = rule(policy, id);
        if (rule.enabled() != enabled) {
            rows.enable(id, enabled);
            events.publishEvent(new EscalationRulesChanged(policy));
        }
    }

    /**
     * Deletes a rule. What it did stays recorded on the tickets it fired for.
     *
     * @throws NotFoundException when the policy has no such rule
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(SlaPolicyId policy, EscalationRuleId id) {
        rule(policy, id);
        rows.delete(id);
        events.publishEvent(new EscalationRulesChanged(policy));
    }

    private SlaPolicyView policy(SlaPolicyId id) {
        return policies.one(id).orElseThrow(() -> new NotFoundException("sla-policy.not-found", id.value()));
    }

    private EscalationRule rule(SlaPolicyId policy, EscalationRuleId id) {
        policy(policy);
        return rows.one(id).filter(rule -> rule.policy().equals(policy))
                .orElseThrow(() -> new NotFoundException("sla-escalation.not-found", id.value()));
    }
}
