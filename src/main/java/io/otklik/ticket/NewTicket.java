package io.otklik.ticket;

import java.util.List;
import java.util.Set;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerId;

/**
 * A request to open a ticket. The description becomes the first message, written as the requester's words;
 * when an agent logs a call, the history says which agent did.
 */
public record NewTicket(String subject, String description, CustomerId requester, Channel channel,
        Priority priority, Long categoryId, TeamId team, AgentId assignee, Set<String> tags,
        List<NewAttachment> attachments) {
}
