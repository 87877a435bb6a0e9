package io.otklik.ticket;

import java.util.Optional;

import io.otklik.agent.AgentAccess;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.identity.Accounts;
import io.otklik.identity.Role;
import io.otklik.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Checks every read and change of a ticket against who asks. A ticket the asker may not see is answered
 * exactly like a ticket that does not exist. Work without a signed-in user (intake, jobs) is the system's.
 */
@Component
class TicketAccess {

    private final Accounts accounts;
    private final AgentDirectory agents;

    TicketAccess(Accounts accounts, AgentDirectory agents) {
        this.accounts = accounts;
        this.agents = agents;
    }

    /** The asker's scope, or empty for the system (which sees everything). */
    Optional<AgentAccess> scope() {
        return accounts.current().filter(user -> !user.is(Role.SUPERVISOR)).map(agents::accessOf)
                .filter(access -> !access.all());
    }

    Ticket check(Ticket ticket) {
        scope().ifPresent(access -> {
            if (!access.maySee(ticket.teamId() == null ? null : new TeamId(ticket.teamId()),
                    ticket.assigneeId() == null ? null : new AgentId(ticket.assigneeId()))) {
                throw notFound(ticket.getId());
            }
        });
        return ticket;
    }

    static NotFoundException notFound(long number) {
        return new NotFoundException("ticket.not-found", number);
    }
}
