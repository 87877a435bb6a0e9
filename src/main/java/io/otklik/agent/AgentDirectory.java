package io.otklik.agent;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.otklik.identity.Accounts;
import io.otklik.identity.Audit;
import io.otklik.identity.CurrentUser;
import io.otklik.identity.NewAccount;
import io.otklik.identity.Role;
import io.otklik.identity.UserId;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds and describes agents and teams, and tells what each agent may see. */
@Service
public class AgentDirectory {

    private final Agents agents;
    private final Teams teams;
    private final Accounts accounts;
    private final Audit audit;
    private final Clock clock;

    AgentDirectory(Agents agents, Teams teams, Accounts accounts, Audit audit, Clock clock) {
        this.agents = agents;
        this.teams = teams;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a staff member: a sign-in account with the role, and an agent profile in the teams. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AgentId add(NewAgent request) {
        if (request.password() == null || request.password().length() < 8) {
            throw new RuleViolationException("agent.password-too-short");
        }
        Set<Long> teamIds = existingTeams(request.teams());
        UserId user = accounts.open(new NewAccount(request.email(), request.name(), request.password(),
                request.role(), request.locale()));
        Agent agent = agents.save(new Agent(user.value(), request.name(), request.email(), request.scope(), teamIds,
                clock.instant()));
        audit.record("agent.added", request.email() + " " + request.role());
        return new AgentId(agent.id());
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public TeamId createTeam(String name, SupportLine line) {
        if (name == null || name.isBlank() || line == null) {
            throw new RuleViolationException("team.name-required");
        }
        if (teams.existsByName(name.trim())) {
            throw new ConflictException("team.name-taken", name.trim());
        }
        Team team = teams.save(new Team(name, line, clock.instant()));
        audit.record("team.created", name + " " + line);
        return team.view().id();
    }

    @Transactional(readOnly = true)
    public List<TeamView> teams() {
        return teams.findAllByOrderByLineAscNameAsc().stream().map(Team::view).toList();
    }

    @Transactional(readOnly = true)
    public long teamCount() {
        return teams.count();
    }

    @Transactional(readOnly = true)
    public long agentCount() {
        return agents.count();
    }

    @Transactional(readOnly = true)
    public Optional<TeamView> team(TeamId id) {
        return teams.findById(id.value()).map(Team::view);
    }

    /** All agents by name, with their roles: two queries whatever their number. */
    @Transactional(readOnly = true)
    public List<AgentView> agents() {
        List<Agent> all = agents.findAllByOrderByDisplayNameAsc();
        Map<UserId, CurrentUser> accountsById = accounts.find(all.stream().map(a -> new UserId(a.userId())).toList());
        return all.stream().map(agent -> view(agent, accountsById.get(new UserId(agent.userId())))).toList();
    }

    @Transactional(readOnly = true)
    public AgentView agent(AgentId id) {
        return agents.findById(id.value()).map(agent -> view(agent, accounts.find(new UserId(agent.userId()))))
                .orElseThrow(() -> new NotFoundException("agent.not-found", id.value()));
    }

    @Transactional(readOnly = true)
    public Optional<AgentId> agentOf(UserId user) {
        return agents.findIdByUserId(user.value()).map(AgentId::new);
    }

    /** Display names of many agents at once. */
    @Transactional(readOnly = true)
    public Map<AgentId, String> names(Collection<AgentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return agents.findByIdIn(ids.stream().map(AgentId::value).distinct().toList()).stream()
                .collect(Collectors.toMap(agent -> new AgentId(agent.id()), Agent::displayName));
    }

    /** The teams of many agents at once (one query); an agent not found is left out. */
    @Transactional(readOnly = true)
    public Map<AgentId, Set<TeamId>> teamsOf(Collection<AgentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return agents.findByIdIn(ids.stream().map(AgentId::value).distinct().toList()).stream()
                .collect(Collectors.toMap(agent -> new AgentId(agent.id()), agent -> agent.teamIds().stream()
                        .map(TeamId::new).collect(Collectors.toUnmodifiableSet())));
    }

    /** Which tickets this staff member may see. Supervisors and admins see all. */
    @Transactional(readOnly = true)
    public AgentAccess accessOf(CurrentUser user) {
        Optional<Agent> agent = agents.findByUserId(user.id().value());
        AgentId agentId = agent.map(a -> new AgentId(a.id())).orElse(new AgentId(-1));
        Set<TeamId> teamIds = agent.map(a -> a.teamIds().stream().map(TeamId::new).collect(Collectors.toSet()))
                .orElse(Set.of());
        boolean all = user.is(Role.SUPERVISOR) || agent.map(a -> a.ticketScope() == TicketScope.ALL).orElse(false);
        return new AgentAccess(agentId, all, teamIds);
    }

    private static AgentView view(Agent agent, CurrentUser account) {
        return new AgentView(new AgentId(agent.id()), new UserId(agent.userId()), agent.displayName(), agent.email(),
                account == null ? null : account.role(), agent.ticketScope(),
                agent.teamIds().stream().map(TeamId::new).collect(Collectors.toSet()));
    }

    private Set<Long> existingTeams(Set<TeamId> requested) {
        Set<Long> ids = new HashSet<>();
        for (TeamId team : requested == null ? Set.<TeamId>of() : requested) {
            if (!teams.existsById(team.value())) {
                throw new NotFoundException("team.not-found", team.value());
            }
            ids.add(team.value());
        }
        return ids;
    }
}
