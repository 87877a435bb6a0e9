package io.otklik.sla;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a policy's escalation rules change, works out again when each of its running clocks is to be looked at next,
 * a page of tickets per transaction. A clock another transaction holds at that moment (the scanner, a recompute) is
 * done once the pass is over, waiting for it; running twice is harmless.
 */
@Component
class RescheduleEscalations {

    static final int PAGE = 1000;

    private static final Logger log = LoggerFactory.getLogger(RescheduleEscalations.class);
    private static final String CLOCK = "select " + EscalationSchedule.Running.COLUMNS
            + " from sla_clock where ticket_id in (:tickets) and state = 'RUNNING' and policy_id = :policy";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final EscalationSchedule schedule;
    private final TransactionTemplate eachPage;

    RescheduleEscalations(JdbcClient jdbc, JdbcTemplate batches, EscalationSchedule schedule,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.schedule = schedule;
        this.eachPage = new TransactionTemplate(transactions);
        this.eachPage.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(EscalationRulesChanged event) {
        long started = System.nanoTime();
        int clocks = reschedule(event.policy());
        log.info("Escalation schedule of {} running clocks of policy {} worked out again in {} ms", clocks,
                event.policy(), (System.nanoTime() - started) / 1_000_000);
    }

    /** @return how many clocks got a new schedule */
    int reschedule(SlaPolicyId policy) {
        int done = 0;
        long after = -1;
        List<Long> busy = new ArrayList<>();
        while (true) {
            List<Long> page = jdbc.sql("select ticket_id from sla_ticket where ticket_id > :after order by ticket_id "
                    + "limit " + PAGE).param("after", after).query(Long.class).list();
            if (page.isEmpty()) {
                break;
            }
            done += eachPage.execute(status -> {
                List<EscalationSchedule.Running> all = jdbc.sql(CLOCK).param("tickets", page)
                        .param("policy", policy.value()).query(EscalationSchedule.Running::read).list();
                if (all.isEmpty()) {
                    return 0;
                }
                List<EscalationSchedule.Running> locked = jdbc.sql(CLOCK + " for update skip locked")
                        .param("tickets", page).param("policy", policy.value())
                        .query(EscalationSchedule.Running::read).list();
                Set<Long> held = new HashSet<>();
                locked.forEach(clock -> held.add(clock.ticket()));
                all.stream().map(EscalationSchedule.Running::ticket).filter(ticket -> !held.contains(ticket))
                        .distinct().forEach(busy::add);
                return update(locked);
            });
            after = page.getLast();
        }
        for (long ticket : busy) {
            done += eachPage.execute(status -> update(jdbc.sql(CLOCK + " for update").param("tickets", List.of(ticket))
                    .param("policy", policy.value()).query(EscalationSchedule.Running::read).list()));
        }
        return done;
    }

    private int update(List<EscalationSchedule.Running> clocks) {
        if (clocks.isEmpty()) {
            return 0;
        }
        EscalationSchedule.Plan plan = schedule.plan(clocks.stream().map(EscalationSchedule.Running::ticket).toList());
        List<Object[]> rows = new ArrayList<>(clocks.size());
        for (EscalationSchedule.Running clock : clocks) {
            rows.add(new Object[] {utc(plan.nextCheck(clock)), clock.ticket(), clock.target().name()});
        }
        batches.batchUpdate("update sla_clock set next_check_at = ? where ticket_id = ? and target = ?", rows,
                new int[] {Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR});
        return clocks.size();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
