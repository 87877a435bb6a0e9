package io.otklik.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the default policy its escalation rules once, after {@link StandardPolicy} made it: the assignee is told at
 * 80 % of the first response and resolution targets, the supervisors at their breach. Rules administrators delete
 * later are not made again; two nodes starting together make them once.
 */
@Component
@Order(21)
class StandardEscalations implements ApplicationRunner {

    static final List<EscalationRuleDetails> RULES = List.of(
            new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 80, EscalationAction.NOTIFY_ASSIGNEE, null),
            new EscalationRuleDetails(ClockTarget.FIRST_RESPONSE, 100, EscalationAction.NOTIFY_SUPERVISORS, null),
            new EscalationRuleDetails(ClockTarget.RESOLUTION, 80, EscalationAction.NOTIFY_ASSIGNEE, null),
            new EscalationRuleDetails(ClockTarget.RESOLUTION, 100, EscalationAction.NOTIFY_SUPERVISORS, null));

    private static final Logger log = LoggerFactory.getLogger(StandardEscalations.class);

    private final PolicyRows policies;
    private final EscalationRuleRows rules;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StandardEscalations(PolicyRows policies, EscalationRuleRows rules, PlatformTransactionManager transactions,
            Clock clock) {
        this.policies = policies;
        this.rules = rules;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        policies.state().map(PolicyRows.State::defaultPolicy).ifPresent(this::ensure);
    }

    /** Makes the default rules of the policy unless it got them before. */
    void ensure(SlaPolicyId policy) {
        transactions.executeWithoutResult(status -> {
            if (!rules.markDefaultsMade(policy)) {
                return;
            }
            Instant now = clock.instant();
            RULES.forEach(rule -> rules.insert(policy, rule, true, now));
            log.info("Made the default escalation rules of service-level policy {}", policy);
        });
    }
}
