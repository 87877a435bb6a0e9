package io.otklik.agent;

import java.util.Set;

/**
 * What tickets a staff member may see: {@code all}, or those of {@code teams} plus those assigned to
 * {@code agent}.
 */
public record AgentAccess(AgentId agent, boolean all, Set<TeamId> teams) {

    public boolean maySee(TeamId team, AgentId assignee) {
        return all || (team != null && teams.contains(team)) || agent.equals(assignee);
    }
}
