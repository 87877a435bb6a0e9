package io.otklik.ticket;

import java.util.List;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TeamId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams and request categories a ticket can be sent to, by plain id and name, for modules that may not use
 * {@code agent} themselves (a channel's rules that route incoming mail, say).
 */
@Service
public class RoutingTargets {

    private final AgentDirectory agents;
    private final TicketCategories categories;

    RoutingTargets(AgentDirectory agents, TicketCategories categories) {
        this.agents = agents;
        this.categories = categories;
    }

    /** A team or a category: its id and name. */
    public record Target(long id, String name) {
    }

    /** All teams, by support line and name. */
    @Transactional(readOnly = true)
    public List<Target> teams() {
        return agents.teams().stream().map(team -> new Target(team.id().value(), team.name())).toList();
    }

    /** All request categories, in their configured order. */
    @Transactional(readOnly = true)
    public List<Target> categories() {
        return categories.findAllByOrderByPositionAscNameAsc().stream().map(TicketCategory::view)
                .map(category -> new Target(category.id(), category.name())).toList();
    }

    @Transactional(readOnly = true)
    public boolean teamExists(long id) {
        return agents.team(new TeamId(id)).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean categoryExists(long id) {
        return categories.existsById(id);
    }
}
