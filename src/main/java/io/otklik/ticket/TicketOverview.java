package io.otklik.ticket;

import java.util.List;

import io.otklik.agent.TeamView;

/** What the ticket page shows about one ticket, read at one moment. */
public record TicketOverview(TicketDetails details, List<MessageView> messages, List<HistoryView> history,
        List<TicketSummary> requesterTickets, List<TeamView> teams, List<CategoryView> categories) {
}
