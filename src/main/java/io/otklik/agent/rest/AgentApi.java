package io.otklik.agent.rest;

import java.util.List;

import io.otklik.agent.AgentDirectory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The support staff over JSON: agents and teams, for assigning tickets. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AgentApi {

    private final AgentDirectory agents;

    AgentApi(AgentDirectory agents) {
        this.agents = agents;
    }

    @GetMapping("/agents")
    List<AgentResponse> listAgents() {
        return agents.agents().stream().map(AgentResponse::of).toList();
    }

    @GetMapping("/teams")
    List<TeamResponse> listTeams() {
        return agents.teams().stream().map(TeamResponse::of).toList();
    }
}
