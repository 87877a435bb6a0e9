package io.otklik.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the default service-level policy when there is none (the first start, or the first start after an upgrade):
 * it matches every ticket, counts in the default business calendar, and holds the product's targets
 * ({@link ServiceTargets#STANDARD}: first response and resolution per priority; the next response as long as the
 * first; no periodic update), with clocks standing still while the ticket waits for the customer or a third party
 * and no first answer later than 24 hours. Administrators change it on their page afterwards.
 */
@Component
@Order(20)
class StandardPolicy implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StandardPolicy.class);

    private final PolicyRows rows;
    private final BusinessCalendars calendars;
    private final MessageSource messages;
    private final Locale teamLanguage;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StandardPolicy(PolicyRows rows, BusinessCalendars calendars, MessageSource messages,
            @Value("${otklik.team-language:ru}") String teamLanguage, PlatformTransactionManager transactions,
            Clock clock) {
        this.rows = rows;
        this.calendars = calendars;
        this.messages = messages;
        this.teamLanguage = Locale.of(teamLanguage);
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Makes the default policy unless one exists; a node starting at the same moment may make it instead. */
    void ensure() {
        if (rows.state().isPresent()) {
            return;
        }
        PolicyDetails details = details(messages.getMessage("sla-policy.standard-name", null, "Standard",
                teamLanguage), calendars.standardId());
        try {
            transactions.executeWithoutResult(status -> {
                if (rows.state().isPresent()) {
                    return;
                }
                SlaPolicyId id = rows.insert(details, rows.nextPosition(), clock.instant());
                rows.insertState(id);
                log.info("Made the default service-level policy \"{}\" with the standard targets", details.name());
            });
        } catch (DataIntegrityViolationException madeElsewhere) {
            if (rows.state().isEmpty()) {
                throw madeElsewhere;
            }
        }
    }

    /** The default policy's settings on first start. */
    static PolicyDetails details(String name, BusinessCalendarId calendar) {
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            Duration first = ServiceTargets.STANDARD.firstResponse(priority);
            targets.put(priority, new PolicyTargets(first, first, null, ServiceTargets.STANDARD.resolution(priority)));
        }
        return new PolicyDetails(name, true, PolicyConditions.ANY, calendar, targets,
                PolicyDetails.PAUSABLE, ServiceTargets.STANDARD.firstResponseCap());
    }
}
