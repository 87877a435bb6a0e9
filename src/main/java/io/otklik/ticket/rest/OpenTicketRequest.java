package io.otklik.ticket.rest;

import java.util.List;
import java.util.Set;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/tickets}. The requester is either a known customer ({@code requesterId}) or
 * described by contacts ({@code requester}), found by email or registered on the spot. The channel defaults to
 * API and the priority to medium.
 */
record OpenTicketRequest(
        @NotBlank(message = "{error.required}") @Size(max = 500, message = "{error.too-long}") String subject,
        @NotBlank(message = "{error.required}") @Size(max = 200_000, message = "{error.too-long}") String description,
        Long requesterId,
        @Valid RequesterContacts requester,
        Channel channel,
        Priority priority,
        Long categoryId,
        Long teamId,
        Long assigneeId,
        @Size(max = 30, message = "{error.too-many}") Set<@NotNull(message = "{error.required}")
                @Size(max = 60, message = "{error.too-long}") String> tags) {

    /** Exactly one way of naming the requester; reported on the field {@code requester}. */
    @AssertTrue(message = "{ticket.requester-required}")
    public boolean hasRequester() {
        return (requesterId == null) != (requester == null);
    }

    NewTicket toNewTicket() {
        return new NewTicket(subject, description, requesterId == null ? null : new CustomerId(requesterId),
                channel == null ? Channel.API : channel, priority, categoryId,
                teamId == null ? null : new TeamId(teamId), assigneeId == null ? null : new AgentId(assigneeId),
                tags == null ? Set.of() : tags, List.of());
    }

    NewCustomer toNewCustomer() {
        return new NewCustomer(requester.name(), requester.email(), requester.phone(), null);
    }

    /** A requester by contacts; the email finds them or, if new, registers them with name and phone. */
    record RequesterContacts(
            @Size(max = 200, message = "{error.too-long}") String name,
            @NotBlank(message = "{error.required}") @Email(message = "{error.email}")
                    @Size(max = 320, message = "{error.too-long}") String email,
            @Size(max = 40, message = "{error.too-long}") String phone) {
    }
}
