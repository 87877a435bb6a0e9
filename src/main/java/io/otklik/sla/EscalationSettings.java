package io.otklik.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@link SlaEscalations} looks for clocks with rules due: whether it runs on this node ({@code enabled}), how
 * often ({@code interval}: a rule fires at most about this long after it falls due), how many clocks it takes per
 * transaction ({@code batchSize}), and how long it waits before looking again at a clock whose ticket could not be
 * escalated ({@code retryAfter}: changed meanwhile, say).
 */
@ConfigurationProperties("otklik.sla.escalations")
record EscalationSettings(Boolean enabled, Duration interval, Integer batchSize, Duration retryAfter) {

    EscalationSettings {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofSeconds(5) : interval;
        batchSize = batchSize == null || batchSize < 1 ? 500 : batchSize;
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
    }
}
