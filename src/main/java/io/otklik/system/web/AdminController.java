package io.otklik.system.web;

import java.util.List;

import io.otklik.agent.AgentDirectory;
import io.otklik.customer.CustomerDirectory;
import io.otklik.notification.NotificationKind;
import io.otklik.ticket.TicketQueries;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration home: each screen with how many things it holds. */
@Controller
class AdminController {

    private final AgentDirectory agents;
    private final CustomerDirectory customers;
    private final TicketQueries tickets;

    AdminController(AgentDirectory agents, CustomerDirectory customers, TicketQueries tickets) {
        this.agents = agents;
        this.customers = customers;
        this.tickets = tickets;
    }

    @GetMapping("/admin")
    String home(Model model) {
        model.addAttribute("screens", List.of(
                new AdminScreen("agents", "/admin/agents", agents.agentCount()),
                new AdminScreen("teams", "/admin/teams", agents.teamCount()),
                new AdminScreen("categories", "/admin/categories", (long) tickets.categories().size()),
                new AdminScreen("customers", "/customers", customers.customerCount()),
                new AdminScreen("organizations", "/customers/organizations", customers.organizationCount()),
                new AdminScreen("notifications", "/admin/notifications", (long) NotificationKind.values().length),
                new AdminScreen("web-form", "/admin/web-form", null)));
        return "system/admin";
    }

    /**
     * One screen on the administration home; {@code key} names its texts ({@code admin.screen.<key>.*}); a screen
     * that does not list things has no count.
     */
    record AdminScreen(String key, String path, Long count) {
    }
}
