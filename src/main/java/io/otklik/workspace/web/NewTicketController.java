package io.otklik.workspace.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Accounts;
import io.otklik.shared.LocalizedException;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketIntake;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Logging a ticket by hand: a phone call, a letter, a question at the desk. */
@Controller
class NewTicketController {

    /** Channels an agent may log a ticket for by hand. */
    static final List<Channel> LOGGED_CHANNELS = List.of(Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.AGENT);

    private final TicketIntake intake;
    private final TicketQueries tickets;
    private final CustomerDirectory customers;
    private final AgentDirectory agents;
    private final Accounts accounts;
    private final MessageSource messages;

    NewTicketController(TicketIntake intake, TicketQueries tickets, CustomerDirectory customers,
            AgentDirectory agents, Accounts accounts, MessageSource messages) {
        this.intake = intake;
        this.tickets = tickets;
        this.customers = customers;
        this.agents = agents;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/tickets/new")
    String form(Model model) {
        model.addAttribute("form", NewTicketForm.blank());
        return page(model);
    }

    @PostMapping("/tickets/new")
    String create(@Valid @ModelAttribute("form") NewTicketForm form, BindingResult binding,
            @RequestParam(name = "files", required = false) MultipartFile[] files, Model model,
            java.util.Locale locale) {
        Optional<CustomerId> known = Optional.empty();
        if (!binding.hasFieldErrors("requesterEmail") && !binding.hasFieldErrors("requesterPhone")) {
            known = customers.findByContact(form.requesterEmail(), form.requesterPhone());
            boolean noContact = blank(form.requesterEmail()) && blank(form.requesterPhone());
            if (noContact) {
                binding.rejectValue("requesterEmail", "customer.contact-required");
            } else if (known.isEmpty() && blank(form.requesterName())) {
                binding.rejectValue("requesterName", "workspace.new-ticket.name-required");
            }
        }
        if (binding.hasErrors()) {
            return page(model);
        }
        try {
            AgentId assignee = form.assignedToMe() ? agents.agentOf(accounts.requireCurrent().id()).orElse(null) : null;
            TicketId id = intake.open(new NewTicket(form.subject(), form.description(), null, form.channel(),
                    form.priority(), form.categoryId(), form.teamId() == null ? null : new TeamId(form.teamId()),
                    assignee, Set.of(), TicketPageController.attachmentsOf(files)),
                    new NewCustomer(form.requesterName(), form.requesterEmail(), form.requesterPhone(), null));
            return "redirect:/tickets/" + id.value();
        } catch (LocalizedException e) {
            model.addAttribute("formError", e.message(messages, locale));
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("channels", LOGGED_CHANNELS);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("categories", tickets.categories());
        return "workspace/new-ticket";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
