package io.otklik.system.web;

import java.util.List;
import java.util.Map;

import io.otklik.agent.AgentDirectory;
import io.otklik.channel.DeliveryState;
import io.otklik.channel.InboundCounts;
import io.otklik.channel.InboundLog;
import io.otklik.channel.MailSandbox;
import io.otklik.channel.OutboxAdministration;
import io.otklik.customer.CustomerDirectory;
import io.otklik.identity.Accounts;
import io.otklik.identity.Role;
import io.otklik.notification.NotificationKind;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.OlaTargetAdministration;
import io.otklik.sla.SlaPolicies;
import io.otklik.ticket.TicketQueries;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration home: each screen with how many things it holds. */
@Controller
class AdminController {

    private final AgentDirectory agents;
    private final CustomerDirectory customers;
    private final TicketQueries tickets;
    private final OutboxAdministration outbox;
    private final ObjectProvider<MailSandbox> sandbox;
    private final InboundLog inbound;
    private final Accounts accounts;
    private final CalendarAdministration calendars;
    private final SlaPolicies policies;
    private final OlaTargetAdministration olaTargets;

    AdminController(AgentDirectory agents, CustomerDirectory customers, TicketQueries tickets,
            OutboxAdministration outbox, ObjectProvider<MailSandbox> sandbox, InboundLog inbound, Accounts accounts,
            CalendarAdministration calendars, SlaPolicies policies, OlaTargetAdministration olaTargets) {
        this.inbound = inbound;
        this.accounts = accounts;
        this.agents = agents;
        this.customers = customers;
        this.tickets = tickets;
        this.outbox = outbox;
        this.sandbox = sandbox;
        this.calendars = calendars;
        this.policies = policies;
        this.olaTargets = olaTargets;
    }

    @GetMapping("/admin")
    String home(Model model) {
        Map<DeliveryState, Long> sends = outbox.counts();
        MailSandbox mailSandbox = sandbox.getIfAvailable();
        List<AdminScreen> screens = new java.util.ArrayList<>(List.of(
                new AdminScreen("agents", "/admin/agents", agents.agentCount()),
                new AdminScreen("teams", "/admin/teams", agents.teamCount()),
                new AdminScreen("categories", "/admin/categories", (long) tickets.categories().size()),
                new AdminScreen("calendars", "/admin/calendars", (long) calendars.calendars().size()),
                new AdminScreen("sla-policies", "/admin/sla-policies", (long) policies.all().size()),
                new AdminScreen("ola-targets", "/admin/ola-targets", (long) olaTargets.targets().size()),
                new AdminScreen("customers", "/customers", customers.customerCount()),
                new AdminScreen("organizations", "/customers/organizations", customers.organizationCount()),
                new AdminScreen("notifications", "/admin/notifications", (long) NotificationKind.values().length),
                new AdminScreen("web-form", "/admin/web-form", null),
                new AdminScreen("mail-accounts", "/admin/mail-accounts", null),
                new AdminScreen("postmaster-rules", "/admin/postmaster-rules", null),
                new AdminScreen("outbox", "/admin/outbox",
                        sends.get(DeliveryState.QUEUED) + sends.get(DeliveryState.FAILED)),
                new AdminScreen("sandbox-mail", "/admin/sandbox-mail",
                        mailSandbox == null ? 0L : (long) mailSandbox.mailCount())));
        if (accounts.current().map(user -> user.is(Role.ADMIN)).orElse(false)) {
            InboundCounts unsettled = inbound.unsettled();
            screens.add(screens.indexOf(screens.stream().filter(s -> s.key().equals("outbox")).findFirst()
                    .orElseThrow()), new AdminScreen("inbound", "/admin/inbound",
                    unsettled.waiting() + unsettled.failed()));
        }
        model.addAttribute("screens", screens);
        return "system/admin";
    }

    /**
     * One screen on the administration home; {@code key} names its texts ({@code admin.screen.<key>.*}); a screen
     * that does not list things has no count.
     */
    record AdminScreen(String key, String path, Long count) {
    }
}
