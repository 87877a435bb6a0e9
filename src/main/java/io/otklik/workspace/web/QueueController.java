package io.otklik.workspace.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.agent.AgentAccess;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerId;
import io.otklik.identity.Accounts;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.PageOf;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketFilter;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketSort;
import io.otklik.ticket.TicketSummary;
import io.otklik.workspace.Queue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Queues: the standard views with counts, the agent's filters, sorting and paging; reloads live. */
@Controller
class QueueController {

    static final int PAGE_SIZE = 25;

    private final TicketQueries tickets;
    private final AgentDirectory agents;
    private final Accounts accounts;
    private final Clock clock;

    QueueController(TicketQueries tickets, AgentDirectory agents, Accounts accounts, Clock clock) {
        this.tickets = tickets;
        this.agents = agents;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/queues/mine";
    }

    /** The queue page, or only its results when htmx asks (filter change, paging, live refresh). */
    @GetMapping("/queues/{slug}")
    String queue(@PathVariable String slug, @ModelAttribute("query") QueueQuery query, BindingResult ignored,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Queue queue = Queue.bySlug(slug).orElseThrow(() -> new NotFoundException("queue.not-found", slug));
        AgentAccess me = agents.accessOf(accounts.requireCurrent());
        TicketSort sort = query.sort() == null ? queue.defaultSort() : query.sort();
        PageOf<TicketSummary> page = tickets.find(filter(queue, query, me), sort, query.pageNumber(), PAGE_SIZE);
        model.addAttribute("queue", queue);
        model.addAttribute("sort", sort);
        model.addAttribute("page", page);
        model.addAttribute("refreshUrl", pageUrl(query.pageNumber()));
        model.addAttribute("previousUrl", pageUrl(query.pageNumber() - 1));
        model.addAttribute("nextUrl", pageUrl(query.pageNumber() + 1));
        if (htmx != null) {
            return "workspace/queue :: results";
        }
        model.addAttribute("queues", Queue.SIDEBAR);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sorts", TicketSort.values());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("agents", agents.agents());
        model.addAttribute("categories", tickets.categories());
        return "workspace/queue";
    }

    /** Counts of the sidebar's queues for the signed-in agent, capped for cheap counting. */
    @GetMapping("/queues/counts")
    String counts(@RequestParam(required = false) String current, Model model) {
        AgentAccess me = agents.accessOf(accounts.requireCurrent());
        Map<Queue, Long> counts = new LinkedHashMap<>();
        for (Queue queue : Queue.SIDEBAR) {
            counts.put(queue, tickets.count(queue.filterFor(me, clock)));
        }
        model.addAttribute("counts", counts);
        model.addAttribute("queues", Queue.SIDEBAR);
        Queue.bySlug(current == null ? "" : current).ifPresent(queue -> model.addAttribute("queue", queue));
        model.addAttribute("cap", TicketQueries.COUNT_CAP);
        return "workspace/queue :: counts";
    }

    private static <T> List<T> present(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** This request's URL on another page of the listing, keeping every filter. */
    private static String pageUrl(int page) {
        var url = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", Math.max(0, page)).build();
        return url.getPath() + (url.getQuery() == null ? "" : "?" + url.getQuery());
    }

    TicketFilter filter(Queue queue, QueueQuery query, AgentAccess me) {
        TicketFilter filter = queue.filterFor(me, clock);
        List<Status> statuses = present(query.status());
        if (!statuses.isEmpty()) {
            filter = filter.withStatuses(EnumSet.copyOf(statuses));
        }
        List<Priority> priorities = present(query.priority());
        if (!priorities.isEmpty()) {
            filter = filter.withPriorities(EnumSet.copyOf(priorities));
        }
        if (query.team() != null) {
            filter = filter.withTeams(Set.of(new TeamId(query.team())));
        }
        if (query.assignee() != null) {
            filter = query.assignee() == 0 ? filter.onlyUnassigned() : filter.withAssignee(new AgentId(query.assignee()));
        }
        if (query.category() != null) {
            filter = filter.withCategory(query.category());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            filter = filter.withTag(query.tag());
        }
        if (query.q() != null && !query.q().isBlank()) {
            filter = filter.withText(query.q());
        }
        if (query.requester() != null) {
            filter = filter.withRequester(new CustomerId(query.requester()));
        }
        return filter;
    }
}
