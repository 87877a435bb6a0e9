package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * When a running clock reaches a share of its target: pure, no I/O. The share is counted in the clock's business
 * time as its due time is ({@link BusinessTime#plus} from where it runs since, with the time it had used before); 100 %
 * is its due time. A first response whose due time is its policy's cap in calendar time (earlier than the business
 * time would give) reaches a share that much of the cap before or after that due time, whichever comes first.
 */
final class TargetShares {

    private TargetShares() {
    }

    /**
     * @param percent the share of the target, 100 for the due time
     * @param used business time the clock had used at {@code runningSince}
     * @param due the clock's due time
     * @param cap the policy's first-answer cap (first response only), or {@code null}
     * @return the moment; {@code runningSince} for a share already used up before then
     */
    static Instant reached(int percent, ClockTarget target, Duration allowed, Duration used, Instant runningSince,
            Instant due, Duration cap, BusinessTime time) {
        if (percent == 100 && due != null) {
            return due;
        }
        Duration share = share(allowed, percent);
        Instant byBusinessTime = used.compareTo(share) >= 0 ? runningSince : time.plus(runningSince, share.minus(used));
        if (target != ClockTarget.FIRST_RESPONSE || cap == null || due == null || used.compareTo(allowed) >= 0) {
            return byBusinessTime;
        }
        // The cap gives the due time when less business time lies before it than the target leaves. Time used is
        // kept in whole seconds (the due time to the microsecond): a second's leeway tells a capped due time from
        // one that merely lost the fraction.
        if (time.between(runningSince, due).plusSeconds(1).compareTo(allowed.minus(used)) >= 0) {
            return byBusinessTime;
        }
        Instant byCap = due.plus(share(cap, percent).minus(cap));
        return byCap.isBefore(byBusinessTime) ? byCap : byBusinessTime;
    }

    /** {@code percent} of {@code whole}, to the millisecond. */
    static Duration share(Duration whole, int percent) {
        return Duration.ofMillis(Math.multiplyExact(whole.toMillis(), percent) / 100);
    }
}
