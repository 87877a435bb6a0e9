package io.otklik.sla.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.OlaKind;
import io.otklik.sla.OlaTarget;
import io.otklik.sla.OlaTargetDetails;
import io.otklik.sla.OlaTargetProblem;
import io.otklik.sla.TargetText;

/**
 * The form of an internal target: whose ({@code line:L2} or {@code team:12}), which kind, the time allowed as minutes
 * or hours and minutes, the calendar, on or off. Kept as typed, so that what cannot be read is reported next to its
 * field rather than refused by binding.
 */
record OlaTargetForm(String holder, String kind, String target, String calendar, Boolean enabled) {

    static final String LINE = "line:";
    static final String TEAM = "team:";

    /** A new target: on, of the first kind, in the default calendar. */
    static OlaTargetForm blank(BusinessCalendarId calendar) {
        return new OlaTargetForm("", OlaKind.RESPONSE.name(), "", calendar.toString(), true);
    }

    static OlaTargetForm of(OlaTarget target) {
        return new OlaTargetForm(holder(target), target.kind().name(), TargetText.text(target.allowed()),
                target.calendar().toString(), target.enabled());
    }

    static String holder(OlaTarget target) {
        return target.ofTeam() ? TEAM + target.team().value() : LINE + target.line().name();
    }

    /** The settings as far as they can be read, and what cannot be read, each with its field. */
    record Read(OlaTargetDetails details, List<OlaTargetProblem> problems) {
    }

    Read read() {
        List<OlaTargetProblem> problems = new ArrayList<>();
        TeamId team = null;
        SupportLine line = null;
        String who = holder == null ? "" : holder.strip();
        try {
            if (who.startsWith(TEAM)) {
                team = new TeamId(Long.parseLong(who.substring(TEAM.length())));
            } else if (who.startsWith(LINE)) {
                line = SupportLine.valueOf(who.substring(LINE.length()));
            } else if (!who.isEmpty()) {
                problems.add(new OlaTargetProblem("holder", "ola-target.choice-unknown"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new OlaTargetProblem("holder", "ola-target.choice-unknown"));
        }
        OlaKind kindValue = null;
        if (kind != null && !kind.isBlank()) {
            try {
                kindValue = OlaKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new OlaTargetProblem("kind", "ola-target.choice-unknown"));
            }
        }
        TargetText.Read allowed = TargetText.read(target);
        if (!allowed.ok()) {
            problems.add(new OlaTargetProblem("target", allowed.code(), target.strip()));
        }
        BusinessCalendarId calendarId = null;
        if (calendar != null && !calendar.isBlank()) {
            try {
                calendarId = new BusinessCalendarId(Long.parseLong(calendar.strip()));
            } catch (NumberFormatException e) {
                problems.add(new OlaTargetProblem("calendar", "ola-target.choice-unknown"));
            }
        }
        Duration value = allowed.value();
        return new Read(new OlaTargetDetails(team, line, kindValue, value, calendarId, Boolean.TRUE.equals(enabled)),
                problems);
    }
}
