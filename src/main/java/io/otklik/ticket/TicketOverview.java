package io.otklik.ticket;

import java.util.List;

import io.otklik.agent.TeamView;

/**
 * What the ticket page shows about one ticket, read at one moment. {@code links} are the linked tickets the
 * asker may see (a follow-up, the ticket it follows up).
 */
public record TicketOverview(TicketDetails details, List<MessageView> messages, List<HistoryView> history,
        List<TicketSummary> requesterTickets, List<TeamView> teams, List<CategoryView> categories,
        List<TicketLinkView> links) {
}
