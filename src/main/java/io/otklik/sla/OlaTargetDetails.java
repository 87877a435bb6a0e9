package io.otklik.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;

/**
 * An internal target as an administrator writes it: whose (a team, or a support line), which kind, the business time
 * allowed, the calendar it is counted in and whether it is on. {@link #problems()} tells what is wrong without
 * looking anything up.
 */
public record OlaTargetDetails(TeamId team, SupportLine line, OlaKind kind, Duration allowed,
        BusinessCalendarId calendar, boolean enabled) {

    /** The longest target: a year. */
    public static final Duration MAX_TARGET = PolicyDetails.MAX_TARGET;

    /**
     * What is wrong, each with its field: {@code holder}, {@code kind}, {@code target}, {@code calendar}. Whether the
     * team and the calendar exist and the holder has no other target of the kind is for the caller to check.
     */
    public List<OlaTargetProblem> problems() {
        List<OlaTargetProblem> problems = new ArrayList<>();
        if ((team == null) == (line == null)) {
            problems.add(new OlaTargetProblem("holder", "ola-target.holder-required"));
        }
        if (kind == null) {
            problems.add(new OlaTargetProblem("kind", "ola-target.kind-required"));
        }
        if (allowed == null) {
            problems.add(new OlaTargetProblem("target", "ola-target.target-required"));
        } else if (allowed.isNegative() || allowed.isZero()) {
            problems.add(new OlaTargetProblem("target", "sla-policy.duration.zero"));
        } else if (allowed.compareTo(MAX_TARGET) > 0) {
            problems.add(new OlaTargetProblem("target", "ola-target.target-too-long", MAX_TARGET.toDays()));
        }
        if (calendar == null) {
            problems.add(new OlaTargetProblem("calendar", "ola-target.calendar-required"));
        }
        return problems;
    }
}
