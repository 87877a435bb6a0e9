package io.otklik.workspace.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.agent.AgentAccess;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerId;
import io.otklik.identity.Accounts;
import io.otklik.shared.LocalizedException;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.AttachmentFiles;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.MessageMoves;
import io.otklik.ticket.MessageView;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.Priority;
import io.otklik.ticket.QuoteFolding;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketFilter;
import io.otklik.ticket.TicketFollowers;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketOverview;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;
import io.otklik.workspace.Queue;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket page: conversation, properties, followers, history and the customer card, and the agent's actions on
 * them (reply, note, assign, status, priority, category, team, tags, followers, moving a message to another ticket
 * or splitting it off into a new one). Each region is a fragment of the same page that
 * htmx reloads on its own; without JavaScript the forms post and redirect.
 */
@Controller
class TicketPageController {

    private static final Set<String> FRAGMENTS = Set.of("conversation", "properties", "history", "composer", "followers",
            "due");
    /** A ticket as an agent types it: "1042", "#1042", "OTK-1042", "otk1042". */
    private static final Pattern TICKET_NUMBER = Pattern.compile("^\\s*(?:\\p{L}+-?)?#?\\s*(\\d{1,18})\\s*$");

    private final TicketQueries tickets;
    private final TicketUpdates updates;
    private final Conversations conversations;
    private final MessageMoves moves;
    private final AttachmentFiles attachments;
    private final TicketFollowers followers;
    private final AgentDirectory agents;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    TicketPageController(TicketQueries tickets, TicketUpdates updates, Conversations conversations,
            MessageMoves moves, AttachmentFiles attachments, TicketFollowers followers, AgentDirectory agents,
            Accounts accounts,
            MessageSource messages, Clock clock) {
        this.tickets = tickets;
        this.updates = updates;
        this.conversations = conversations;
        this.moves = moves;
        this.attachments = attachments;
        this.followers = followers;
        this.agents = agents;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tickets/{number:\\d+}")
    String page(@PathVariable long number, @RequestParam(required = false) String queue,
            @RequestParam(required = false) String fragment, Model model) {
        TicketId id = new TicketId(number);
        fill(model, id);
        if (fragment != null && FRAGMENTS.contains(fragment)) {
            return "workspace/ticket :: " + fragment;
        }
        Queue context = Queue.bySlug(queue == null ? "" : queue).orElse(Queue.ALL_OPEN);
        AgentAccess me = agents.accessOf(accounts.requireCurrent());
        TicketFilter filter = context.filterFor(me, clock);
        model.addAttribute("queue", context);
        model.addAttribute("next", tickets.next(filter, context.defaultSort(), id).orElse(null));
        return "workspace/ticket";
    }

    /** Adds a public reply or an internal note, with files, and optionally a new status. */
    @PostMapping("/tickets/{number:\\d+}/messages")
    String addMessage(@PathVariable long number, @RequestParam(defaultValue = "PUBLIC_REPLY") MessageKind kind,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) Status statusAfter,
            @RequestParam(name = "files", required = false) MultipartFile[] files,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        TicketId id = new TicketId(number);
        try {
            conversations.add(id, new NewMessage(kind, body, attachmentsOf(files), statusAfter));
        } catch (LocalizedException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            fill(model, id);
            model.addAttribute("kind", kind);
            model.addAttribute("body", body);
            model.addAttribute("composerError", e.message(messages, locale));
            return htmx != null ? "workspace/ticket :: composer" : "workspace/ticket";
        }
        if (htmx == null) {
            return "redirect:/tickets/" + number;
        }
        fill(model, id);
        model.addAttribute("kind", kind);
        model.addAttribute("body", "");
        response.setHeader("HX-Trigger", "ticket-updated");
        return "workspace/ticket :: composer";
    }

    /** Saves the properties form; refuses it when someone else changed the ticket since the agent loaded it. */
    @PostMapping("/tickets/{number:\\d+}/properties")
    String saveProperties(@PathVariable long number, @ModelAttribute PropertiesForm form, BindingResult binding,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        TicketId id = new TicketId(number);
        String error = null;
        if (binding.hasErrors() || form.version() == null || form.status() == null || form.priority() == null) {
            error = messages.getMessage("error.invalid-input", null, locale);
        } else {
            try {
                TicketChanges changes = TicketChanges.none()
                        .withPriority(form.priority())
                        .withCategory(form.categoryId())
                        .withTeam(form.teamId() == null ? null : new TeamId(form.teamId()))
                        .withAssignee(form.assigneeId() == null ? null : new AgentId(form.assigneeId()))
                        .withTags(tagsOf(form.tags()));
                // The form posts every field. An untouched status is no request to set it: applied anyway, a
                // "new" ticket being assigned (which opens it) would be sent back to "new" and refused.
                if (form.status() != tickets.details(id).status()) {
                    changes = changes.withStatus(form.status());
                }
                updates.change(id, changes, form.version());
            } catch (NotFoundException e) {
                throw e;
            } catch (LocalizedException e) {
                error = e.message(messages, locale);
            } catch (OptimisticLockingFailureException e) {
                error = messages.getMessage("error.concurrent-change", null, locale);
            }
        }
        return afterChange(number, error, htmx, locale, model, response, redirect);
    }

    /** "Take it": assigns the ticket to the signed-in agent. */
    @PostMapping("/tickets/{number:\\d+}/take")
    String take(@PathVariable long number, @RequestParam(required = false) Long version,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String error = null;
        AgentId me = agents.agentOf(accounts.requireCurrent().id())
                .orElseThrow(() -> new NotFoundException("agent.not-found", accounts.requireCurrent().login()));
        try {
            updates.change(new TicketId(number), TicketChanges.none().withAssignee(me), version);
        } catch (NotFoundException e) {
            throw e;
        } catch (LocalizedException e) {
            error = e.message(messages, locale);
        } catch (OptimisticLockingFailureException e) {
            error = messages.getMessage("error.concurrent-change", null, locale);
        }
        return afterChange(number, error, htmx, locale, model, response, redirect);
    }

    /**
     * Adds a follower by email address ("ivan@example.com" or "Ivan Petrov &lt;ivan@example.com&gt;"), registering a
     * customer for an address nobody has yet; a bad address, the requester or a closed ticket is refused on the spot.
     */
    @PostMapping("/tickets/{number:\\d+}/followers")
    String addFollower(@PathVariable long number, @RequestParam(defaultValue = "") String address,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        TicketId id = new TicketId(number);
        String error = null;
        String added = null;
        try {
            CustomerId follower = followers.add(id, null, address);
            added = followers.list(id).stream().filter(f -> f.customer().equals(follower)).findFirst()
                    .map(f -> f.email() == null ? f.name() : f.email()).orElse(address.strip());
        } catch (NotFoundException e) {
            throw e;
        } catch (LocalizedException e) {
            error = e.message(messages, locale);
        }
        return afterFollowers(number, error, added, error == null ? "" : address, htmx, model, response, redirect);
    }

    @PostMapping("/tickets/{number:\\d+}/followers/{customer:\\d+}/remove")
    String removeFollower(@PathVariable long number, @PathVariable long customer,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String error = null;
        try {
            followers.unfollow(new TicketId(number), new CustomerId(customer));
        } catch (NotFoundException e) {
            throw e;
        } catch (LocalizedException e) {
            error = e.message(messages, locale);
        }
        return afterFollowers(number, error, null, "", htmx, model, response, redirect);
    }

    /**
     * Moves a message to the ticket whose number the agent typed, then shows this ticket again with a note of where
     * the message went. A refusal is shown at the message, with the number as typed.
     */
    @PostMapping("/tickets/{number:\\d+}/messages/{message:\\d+}/move")
    String moveMessage(@PathVariable long number, @PathVariable long message,
            @RequestParam(defaultValue = "") String ticket, Locale locale, Model model,
            RedirectAttributes redirect) {
        TicketId id = new TicketId(number);
        Optional<Long> target = ticketNumberOf(ticket);
        String error;
        if (target.isEmpty()) {
            error = messages.getMessage("ticket.message.move.number-required", null, locale);
        } else {
            try {
                return movedTo(number, moves.move(id, message, new TicketId(target.get())), "moved", redirect);
            } catch (LocalizedException e) {
                error = refusal(e, locale);
            } catch (OptimisticLockingFailureException e) {
                error = messages.getMessage("error.concurrent-change", null, locale);
            }
        }
        return refused(id, message, ticket, error, model);
    }

    /** Splits a message off into a new ticket, then shows this ticket again with a link to the new one. */
    @PostMapping("/tickets/{number:\\d+}/messages/{message:\\d+}/split")
    String splitMessage(@PathVariable long number, @PathVariable long message, Locale locale, Model model,
            RedirectAttributes redirect) {
        TicketId id = new TicketId(number);
        String error;
        try {
            return movedTo(number, moves.split(id, message), "split", redirect);
        } catch (LocalizedException e) {
            error = refusal(e, locale);
        } catch (OptimisticLockingFailureException e) {
            error = messages.getMessage("error.concurrent-change", null, locale);
        }
        return refused(id, message, "", error, model);
    }

    /** The refusal's text; a ticket the agent may not see (or that is gone) is answered with "not found". */
    private String refusal(LocalizedException e, Locale locale) {
        if (e instanceof NotFoundException && "ticket.not-found".equals(e.code())) {
            throw e;
        }
        return e.message(messages, locale);
    }

    /**
     * Back to this ticket with the note of where the message went. The address names the new place too: a note kept
     * for the next request is only handed to a request with the same parameters, so a part of the old page that a
     * live update (of this very move) reloads meanwhile cannot take the note the page is waiting for.
     */
    private static String movedTo(long number, MessageMoves.Moved moved, String how, RedirectAttributes redirect) {
        redirect.addFlashAttribute("movedHow", how);
        redirect.addFlashAttribute("movedTo", moved.to().value());
        redirect.addFlashAttribute("movedToReference", moved.toReference());
        return "redirect:/tickets/" + number + "?moved=" + moved.to().value();
    }

    private String refused(TicketId id, long message, String typed, String error, Model model) {
        fill(model, id);
        model.addAttribute("moveError", error);
        model.addAttribute("moveErrorMessage", message);
        model.addAttribute("moveTyped", typed);
        return "workspace/ticket";
    }

    /** The number in what the agent typed as a ticket, if it reads as one. */
    static Optional<Long> ticketNumberOf(String typed) {
        Matcher m = TICKET_NUMBER.matcher(typed == null ? "" : typed);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** An attachment of a ticket the agent may see; anything else is "not found". */
    @GetMapping("/attachments/{id:\\d+}")
    ResponseEntity<Resource> download(@PathVariable long id) {
        AttachmentFiles.Download download = attachments.open(id);
        MediaType type = MediaType.APPLICATION_OCTET_STREAM;
        try {
            type = MediaType.parseMediaType(download.attachment().contentType());
        } catch (IllegalArgumentException ignored) {
            // Unknown type: served as bytes.
        }
        boolean inline = type.getType().equals("image") && !type.getSubtype().contains("svg");
        return ResponseEntity.ok()
                .contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(download.attachment().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline()
                        : ContentDisposition.attachment()).filename(download.attachment().fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    private String afterChange(long number, String error, String htmx, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (htmx == null) {
            if (error != null) {
                redirect.addFlashAttribute("propertiesError", error);
            } else {
                redirect.addFlashAttribute("propertiesSaved", true);
            }
            return "redirect:/tickets/" + number;
        }
        fill(model, new TicketId(number));
        if (error != null) {
            model.addAttribute("propertiesError", error);
        } else {
            model.addAttribute("propertiesSaved", true);
            response.setHeader("HX-Trigger", "ticket-updated");
        }
        return "workspace/ticket :: properties";
    }

    private String afterFollowers(long number, String error, String added, String address, String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (htmx == null) {
            if (error != null) {
                redirect.addFlashAttribute("followersError", error);
                redirect.addFlashAttribute("followerAddress", address);
            } else if (added != null) {
                redirect.addFlashAttribute("followerAdded", added);
            }
            return "redirect:/tickets/" + number + "#followers";
        }
        fill(model, new TicketId(number));
        model.addAttribute("followersError", error);
        model.addAttribute("followerAdded", added);
        model.addAttribute("followerAddress", address);
        if (error == null) {
            // The live update of this very change is already shown: the region keeps its notice.
            model.addAttribute("followersShownAt", clock.instant().toEpochMilli());
            response.setHeader("HX-Trigger", "ticket-updated");
        }
        return "workspace/ticket :: followers";
    }

    private void fill(Model model, TicketId id) {
        TicketOverview overview = tickets.overview(id, 5);
        model.addAttribute("ticket", overview.details());
        model.addAttribute("messages", overview.messages());
        Map<Long, List<QuoteFolding.Part>> folds = new LinkedHashMap<>();
        for (MessageView message : overview.messages()) {
            folds.put(message.id(), QuoteFolding.fold(message.body()));
        }
        model.addAttribute("folds", folds);
        model.addAttribute("history", overview.history());
        model.addAttribute("otherTickets", overview.requesterTickets());
        model.addAttribute("links", overview.links());
        model.addAttribute("followers", followers.list(id));
        model.addAttribute("statuses", Status.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("teams", overview.teams());
        model.addAttribute("agents", agents.agents());
        model.addAttribute("categories", overview.categories());
        model.addAttribute("maxAttachmentMb", Math.max(1, attachments.maxSize() / (1024 * 1024)));
        if (!model.containsAttribute("kind")) {
            model.addAttribute("kind", MessageKind.PUBLIC_REPLY);
            model.addAttribute("body", "");
        }
    }

    static List<NewAttachment> attachmentsOf(MultipartFile[] files) {
        if (files == null) {
            return List.of();
        }
        return Arrays.stream(files).filter(file -> file != null && !file.isEmpty())
                .map(file -> new NewAttachment(file.getOriginalFilename(), file.getContentType(), file)).toList();
    }

    static Set<String> tagsOf(String tags) {
        if (tags == null || tags.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(tags.split("[,;\\s]+")).filter(t -> !t.isBlank()).collect(Collectors.toSet());
    }
}
