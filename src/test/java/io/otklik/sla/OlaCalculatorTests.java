package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.agent.AgentId;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.ticket.Actor;
import io.otklik.ticket.Channel;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrail;

import org.junit.jupiter.api.Test;

/**
 * Rounds of internal targets computed from tickets' trails. Teams: Helpdesk (L1), Network and Databases (both L2),
 * Developers (L3); one agent in each team. Most targets count round the clock (Moscow, UTC+3), so that the expected
 * times are plain arithmetic; the office calendar works Mon-Fri 09:00-18:00 Moscow time.
 */
class OlaCalculatorTests {

    static final TeamId HELPDESK = new TeamId(10);
    static final TeamId NETWORK = new TeamId(20);
    static final TeamId DATABASES = new TeamId(21);
    static final TeamId DEVELOPERS = new TeamId(30);
    static final Map<TeamId, SupportLine> LINES = Map.of(HELPDESK, SupportLine.L1, NETWORK, SupportLine.L2,
            DATABASES, SupportLine.L2, DEVELOPERS, SupportLine.L3);

    static final long ANNA = 100; // helpdesk
    static final long BORIS = 200; // network
    static final long DINA = 210; // databases
    static final long PAVEL = 300; // developers
    static final Map<AgentId, Set<TeamId>> AGENT_TEAMS = Map.of(new AgentId(ANNA), Set.of(HELPDESK),
            new AgentId(BORIS), Set.of(NETWORK), new AgentId(DINA), Set.of(DATABASES),
            new AgentId(PAVEL), Set.of(DEVELOPERS));

    static final BusinessCalendarId ALL_DAY = new BusinessCalendarId(1);
    static final BusinessCalendarId OFFICE = new BusinessCalendarId(2);
    static final Map<BusinessCalendarId, BusinessTime> CALENDARS = Map.of(
            ALL_DAY, new BusinessTime(BusinessCalendar.allDay(ZoneId.of("Europe/Moscow"))),
            OFFICE, new BusinessTime(BusinessCalendar.of(ZoneId.of("Europe/Moscow"),
                    WeeklyHours.parse("Mon-Fri 09:00-18:00"), HolidayCalendar.NONE)));

    static final Instant LATER = Instant.parse("2026-12-31T00:00:00Z");

    @Test
    void aHandoverMidWayStopsTheFirstTeamsRoundsAndStartsTheNextTeams() {
        OlaTarget helpdeskResponse = team(1, HELPDESK, OlaKind.RESPONSE, 30);
        OlaTarget helpdeskResolution = team(2, HELPDESK, OlaKind.RESOLUTION, 120);
        OlaTarget networkResponse = team(3, NETWORK, OlaKind.RESPONSE, 60);
        OlaTarget networkResolution = team(4, NETWORK, OlaKind.RESOLUTION, 240);

        // Monday 23 November 2026: opened for the helpdesk at 10:00 UTC, handed to network at 11:00 without a word
        // from the helpdesk; Boris answers at 11:20, solves at 13:00.
        List<OlaClock> rounds = compute(List.of(helpdeskResponse, helpdeskResolution, networkResponse,
                networkResolution), Trail.opened("2026-11-23T10:00:00Z", HELPDESK)
                .team("2026-11-23T11:00:00Z", HELPDESK, NETWORK)
                .reply("2026-11-23T11:20:00Z", BORIS)
                .status("2026-11-23T13:00:00Z", Status.OPEN, Status.SOLVED));

        OlaClock helpdeskAnswer = round(rounds, helpdeskResponse, 1);
        assertThat(helpdeskAnswer.state()).isEqualTo(ClockState.STOPPED);
        assertThat(helpdeskAnswer.endedBy()).isEqualTo(OlaClock.End.HANDED_ON);
        assertThat(helpdeskAnswer.used()).isEqualTo(minutes(60));
        assertThat(helpdeskAnswer.due()).isEqualTo("2026-11-23T10:30:00Z");
        assertThat(helpdeskAnswer.breached()).isTrue();
        assertThat(helpdeskAnswer.line()).isEqualTo(SupportLine.L1);
        OlaClock helpdeskPart = round(rounds, helpdeskResolution, 1);
        assertThat(helpdeskPart.endedBy()).isEqualTo(OlaClock.End.HANDED_ON);
        assertThat(helpdeskPart.used()).isEqualTo(minutes(60));
        assertThat(helpdeskPart.breached()).isFalse();

        OlaClock networkAnswer = round(rounds, networkResponse, 1);
        assertThat(networkAnswer.startedAt()).isEqualTo("2026-11-23T11:00:00Z");
        assertThat(networkAnswer.endedBy()).isEqualTo(OlaClock.End.RESPONDED);
        assertThat(networkAnswer.used()).isEqualTo(minutes(20));
        assertThat(networkAnswer.due()).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(networkAnswer.breached()).isFalse();
        OlaClock networkPart = round(rounds, networkResolution, 1);
        assertThat(networkPart.endedBy()).isEqualTo(OlaClock.End.SOLVED);
        assertThat(networkPart.used()).isEqualTo(minutes(120));
        assertThat(networkPart.breached()).isFalse();
        assertThat(rounds).hasSize(4);
    }

    @Test
    void fromTheFirstLineToTheSecondAndBackGivesTheFirstLineASecondRound() {
        OlaTarget firstLine = line(1, SupportLine.L1, OlaKind.RESOLUTION, 60);
        OlaTarget secondLine = line(2, SupportLine.L2, OlaKind.RESOLUTION, 120);
        OlaTarget secondLineAnswer = line(3, SupportLine.L2, OlaKind.RESPONSE, 30);

        // L1 10:00-10:40, network (L2) 10:40-11:00, databases (L2) 11:00-13:00 (Dina writes a note at 12:00),
        // back to the helpdesk (L1) 13:00-13:30, solved.
        List<OlaClock> rounds = compute(List.of(firstLine, secondLine, secondLineAnswer),
                Trail.opened("2026-11-23T10:00:00Z", HELPDESK)
                        .team("2026-11-23T10:40:00Z", HELPDESK, NETWORK)
                        .team("2026-11-23T11:00:00Z", NETWORK, DATABASES)
                        .note("2026-11-23T12:00:00Z", DINA)
                        .team("2026-11-23T13:00:00Z", DATABASES, HELPDESK)
                        .status("2026-11-23T13:30:00Z", Status.OPEN, Status.SOLVED));

        assertThat(rounds).filteredOn(r -> r.target().equals(firstLine.id()))
                .extracting(OlaClock::round, OlaClock::used, OlaClock::endedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, minutes(40), OlaClock.End.HANDED_ON),
                        org.assertj.core.groups.Tuple.tuple(2, minutes(30), OlaClock.End.SOLVED));
        // one round for the second line, whichever of its teams held the ticket
        OlaClock second = round(rounds, secondLine, 1);
        assertThat(second.used()).isEqualTo(minutes(140));
        assertThat(second.breached()).isTrue();
        assertThat(second.due()).isEqualTo("2026-11-23T12:40:00Z");
        assertThat(second.team()).isNull();
        assertThat(second.line()).isEqualTo(SupportLine.L2);
        // the note of a databases agent answers for the whole line, late: 80 minutes after the line took it
        OlaClock answer = round(rounds, secondLineAnswer, 1);
        assertThat(answer.endedBy()).isEqualTo(OlaClock.End.RESPONDED);
        assertThat(answer.used()).isEqualTo(minutes(80));
        assertThat(answer.breached()).isTrue();
        assertThat(rounds).filteredOn(r -> r.target().equals(secondLine.id())).hasSize(1);
    }

    @Test
    void anInternalNoteOfTheTeamCountsAsItsResponseButOthersMessagesDoNot() {
        OlaTarget networkResponse = team(1, NETWORK, OlaKind.RESPONSE, 30);

        List<OlaClock> rounds = compute(List.of(networkResponse), Trail.opened("2026-11-23T10:00:00Z", NETWORK)
                .reply("2026-11-23T10:05:00Z", ANNA) // helpdesk, not network
                .note("2026-11-23T10:10:00Z", PAVEL) // developers, not network
                .note("2026-11-23T10:25:00Z", BORIS)
                .reply("2026-11-23T10:50:00Z", BORIS));

        OlaClock answer = round(rounds, networkResponse, 1);
        assertThat(answer.endedBy()).isEqualTo(OlaClock.End.RESPONDED);
        assertThat(answer.stoppedAt()).isEqualTo("2026-11-23T10:25:00Z");
        assertThat(answer.used()).isEqualTo(minutes(25));
        assertThat(answer.breached()).isFalse();
        assertThat(rounds).hasSize(1);
    }

    @Test
    void aNoteWrittenWithTheHandoverIsTheHandingTeamsResponse() {
        OlaTarget helpdeskResponse = team(1, HELPDESK, OlaKind.RESPONSE, 30);
        OlaTarget networkResponse = team(2, NETWORK, OlaKind.RESPONSE, 30);

        List<OlaClock> rounds = compute(List.of(helpdeskResponse, networkResponse),
                Trail.opened("2026-11-23T10:00:00Z", HELPDESK)
                        .note("2026-11-23T10:10:00Z", ANNA)
                        .team("2026-11-23T10:10:00Z", HELPDESK, NETWORK));

        assertThat(round(rounds, helpdeskResponse, 1).endedBy()).isEqualTo(OlaClock.End.RESPONDED);
        OlaClock network = round(rounds, networkResponse, 1);
        assertThat(network.state()).isEqualTo(ClockState.RUNNING);
        assertThat(network.due()).isEqualTo("2026-11-23T10:40:00Z");
        assertThat(network.breachedAt(Instant.parse("2026-11-23T10:30:00Z"))).isFalse();
        assertThat(network.breached()).isTrue(); // as of LATER
    }

    @Test
    void solvingStopsEveryRoundAndAReopenResumesTheHoldersResolution() {
        OlaTarget networkResponse = team(1, NETWORK, OlaKind.RESPONSE, 30);
        OlaTarget networkResolution = team(2, NETWORK, OlaKind.RESOLUTION, 120);

        List<OlaClock> solved = compute(List.of(networkResponse, networkResolution),
                Trail.opened("2026-11-23T10:00:00Z", NETWORK)
                        .status("2026-11-23T10:20:00Z", Status.NEW, Status.SOLVED));
        assertThat(solved).extracting(OlaClock::state).containsOnly(ClockState.STOPPED);
        assertThat(solved).extracting(OlaClock::endedBy).containsOnly(OlaClock.End.SOLVED);
        assertThat(solved).noneMatch(OlaClock::breached);

        List<OlaClock> reopened = compute(List.of(networkResponse, networkResolution),
                Trail.opened("2026-11-23T10:00:00Z", NETWORK)
                        .reply("2026-11-23T10:10:00Z", BORIS)
                        .status("2026-11-23T10:20:00Z", Status.NEW, Status.SOLVED)
                        .status("2026-11-24T10:00:00Z", Status.SOLVED, Status.OPEN));
        // the response was given: it stays met; the resolution goes on with the 20 minutes used
        OlaClock response = round(reopened, networkResponse, 1);
        assertThat(response.state()).isEqualTo(ClockState.STOPPED);
        assertThat(response.endedBy()).isEqualTo(OlaClock.End.RESPONDED);
        OlaClock resolution = round(reopened, networkResolution, 1);
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.used()).isEqualTo(minutes(20));
        assertThat(resolution.due()).isEqualTo("2026-11-24T11:40:00Z");
        assertThat(reopened).hasSize(2);
    }

    @Test
    void roundsStandStillWhileTheTicketWaitsAndCountOnTheTargetsCalendar() {
        OlaTarget office = new OlaTarget(new OlaTargetId(1), NETWORK, null, OlaKind.RESOLUTION, minutes(240),
                OFFICE, true);

        // Friday 27 November 2026, 16:00 Moscow (13:00 UTC): two working hours that day; pending over the weekend
        // from Saturday to Monday 12:00 Moscow, then 17:00 Moscow (14:00 UTC) solved: 2 + 5 = 7 hours, 4 allowed.
        List<OlaClock> rounds = compute(List.of(office), Trail.opened("2026-11-27T13:00:00Z", NETWORK)
                .status("2026-11-28T08:00:00Z", Status.NEW, Status.PENDING)
                .status("2026-11-30T09:00:00Z", Status.PENDING, Status.OPEN)
                .status("2026-11-30T14:00:00Z", Status.OPEN, Status.SOLVED));

        OlaClock resolution = round(rounds, office, 1);
        assertThat(resolution.used()).isEqualTo(Duration.ofHours(7));
        assertThat(resolution.breached()).isTrue();
        // ran out on Monday at 14:00 Moscow: 2 hours on Friday, 2 from the end of the wait at 12:00 on Monday
        assertThat(resolution.due()).isEqualTo("2026-11-30T11:00:00Z");

        List<OlaClock> waiting = compute(List.of(office), Trail.opened("2026-11-27T13:00:00Z", NETWORK)
                .status("2026-11-27T14:00:00Z", Status.NEW, Status.PENDING));
        OlaClock paused = round(waiting, office, 1);
        assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.used()).isEqualTo(Duration.ofHours(1));
        assertThat(paused.breached()).isFalse();
    }

    @Test
    void disabledTargetsAndTicketsWithoutATeamHaveNoRounds() {
        OlaTarget off = new OlaTarget(new OlaTargetId(1), NETWORK, null, OlaKind.RESPONSE, minutes(30), ALL_DAY,
                false);
        OlaTarget on = team(2, NETWORK, OlaKind.RESPONSE, 30);

        assertThat(compute(List.of(off), Trail.opened("2026-11-23T10:00:00Z", NETWORK))).isEmpty();
        assertThat(compute(List.of(on), Trail.opened("2026-11-23T10:00:00Z", null))).isEmpty();
    }

    // --- helpers

    static OlaTarget team(long id, TeamId team, OlaKind kind, long minutes) {
        return new OlaTarget(new OlaTargetId(id), team, null, kind, minutes(minutes), ALL_DAY, true);
    }

    static OlaTarget line(long id, SupportLine line, OlaKind kind, long minutes) {
        return new OlaTarget(new OlaTargetId(id), null, line, kind, minutes(minutes), ALL_DAY, true);
    }

    static List<OlaClock> compute(List<OlaTarget> targets, Trail trail) {
        return new OlaCalculator(targets, CALENDARS::get).compute(trail.trail(), LINES, AGENT_TEAMS, LATER);
    }

    static OlaClock round(List<OlaClock> rounds, OlaTarget target, int round) {
        return rounds.stream().filter(r -> r.target().equals(target.id()) && r.round() == round).findFirst()
                .orElseThrow(() -> new AssertionError("no round " + round + " of " + target + " in " + rounds));
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** A ticket's trail written fact by fact: opened with a team, its changes and the agents' messages. */
    record Trail(Instant opened, TeamId team, List<TicketTrail.Fact> facts, List<TicketTrail.AgentMessage> messages) {

        static Trail opened(String utc, TeamId team) {
            return new Trail(Instant.parse(utc), team, List.of(), List.of());
        }

        Trail status(String utc, Status from, Status to) {
            return with(new TicketTrail.StatusChange(Instant.parse(utc), from, to));
        }

        Trail team(String utc, TeamId from, TeamId to) {
            return with(new TicketTrail.TeamChange(Instant.parse(utc), from == null ? null : from.value(),
                    to == null ? null : to.value()));
        }

        Trail reply(String utc, long agent) {
            Trail with = with(new TicketTrail.PublicMessage(Instant.parse(utc), messages.size() + 1,
                    Actor.Type.AGENT));
            return with.message(utc, MessageKind.PUBLIC_REPLY, agent);
        }

        Trail note(String utc, long agent) {
            return message(utc, MessageKind.INTERNAL_NOTE, agent);
        }

        private Trail message(String utc, MessageKind kind, long agent) {
            List<TicketTrail.AgentMessage> all = new ArrayList<>(messages);
            all.add(new TicketTrail.AgentMessage(Instant.parse(utc), all.size() + 1, kind, agent));
            return new Trail(opened, team, facts, all);
        }

        private Trail with(TicketTrail.Fact fact) {
            List<TicketTrail.Fact> all = new ArrayList<>(facts);
            all.add(fact);
            return new Trail(opened, team, all, messages);
        }

        TicketTrail trail() {
            return new TicketTrail(new TicketId(1001), opened, Channel.EMAIL, null, Set.of(), Status.NEW,
                    Priority.MEDIUM, null, team == null ? null : team.value(), facts, messages);
        }
    }
}
