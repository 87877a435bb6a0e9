package io.otklik.workspace.web;

import java.util.List;

import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketSort;

/** The filters, order and page an agent chose on a queue; every field is optional. */
record QueueQuery(List<Status> status, List<Priority> priority, Long team, Long assignee, Long category, String tag,
        String q, Long requester, TicketSort sort, Integer page) {

    int pageNumber() {
        return page == null || page < 0 ? 0 : page;
    }

    boolean filtered() {
        return (status != null && !status.isEmpty()) || (priority != null && !priority.isEmpty()) || team != null
                || assignee != null || category != null || (tag != null && !tag.isBlank())
                || (q != null && !q.isBlank()) || requester != null;
    }
}
