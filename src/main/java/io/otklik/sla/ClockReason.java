package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.otklik.ticket.Status;

/**
 * Why a clock started, paused, resumed, stopped or got another target, with the facts that explain it: the policy
 * and its target then ({@code null} when it set none), the calendar counted on, the status or message that caused it,
 * the field's old and new value (a target change; ids or enum names), the target before a change, the due time as it
 * stood then (a clock counting on), and what a stopped clock achieved and whether it was late. Facts that do not
 * apply are {@code null}.
 */
public record ClockReason(Cause cause, SlaPolicyId policy, String policyName, BusinessCalendarId calendar,
        Duration target, Duration previousTarget, Status status, Long message, String from, String to, Instant due,
        Duration achieved, Boolean breached) {

    /** What set the clock going, stopped it, or changed its target. */
    public enum Cause {
        /** The ticket was opened. */
        OPENED,
        /** A public message of the customer. */
        CUSTOMER_MESSAGE,
        /** A public answer of an agent. */
        AGENT_MESSAGE,
        /** The ticket's status changed (to {@link ClockReason#status()}). */
        STATUS,
        /** A solved ticket was opened again (to {@link ClockReason#status()}). */
        REOPENED,
        /** The ticket's priority changed. */
        PRIORITY,
        /** The ticket's category changed. */
        CATEGORY,
        /** The ticket's team changed. */
        TEAM
    }

    public ClockReason {
        Objects.requireNonNull(cause, "cause");
    }
}
