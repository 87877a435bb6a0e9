package io.otklik.agent.rest;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamView;

/** A team and the support line it works. */
record TeamResponse(long id, String name, SupportLine line) {

    static TeamResponse of(TeamView team) {
        return new TeamResponse(team.id().value(), team.name(), team.line());
    }
}
