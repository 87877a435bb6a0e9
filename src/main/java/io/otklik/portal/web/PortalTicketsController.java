package io.otklik.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.shared.LocalizedException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.PayloadTooLargeException;
import io.otklik.ticket.AttachmentFiles;
import io.otklik.ticket.Channel;
import io.otklik.ticket.CustomerReply;
import io.otklik.ticket.CustomerTickets;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.TicketId;

import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My requests": the list, one request with its public conversation, the customer's reply with files, and the
 * answer to a solution (confirm, or say it is not solved).
 */
@Controller
class PortalTicketsController {

    static final int PAGE_SIZE = 20;

    private final CustomerTickets tickets;
    private final AttachmentFiles attachmentFiles;
    private final PortalCustomer customer;
    private final MessageSource messages;

    PortalTicketsController(CustomerTickets tickets, AttachmentFiles attachmentFiles, PortalCustomer customer,
            MessageSource messages) {
        this.tickets = tickets;
        this.attachmentFiles = attachmentFiles;
        this.customer = customer;
        this.messages = messages;
    }

    @GetMapping({"/portal", "/portal/"})
    String home() {
        return "redirect:/portal/tickets";
    }

    @GetMapping("/portal/tickets")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("tickets", tickets.list(customer.scope(), page, PAGE_SIZE));
        model.addAttribute("me", customer.id());
        return "portal/tickets";
    }

    @GetMapping("/portal/tickets/{number:\\d+}")
    String ticket(@PathVariable long number, Model model) {
        fill(model, new TicketId(number));
        model.addAttribute("body", "");
        return "portal/ticket";
    }

    /** The customer's reply; a closed request takes it as a new, linked request, which the customer is taken to. */
    @PostMapping("/portal/tickets/{number:\\d+}/messages")
    String reply(@PathVariable long number, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) MultipartFile[] files, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        TicketId id = new TicketId(number);
        try {
            List<NewAttachment> attached = attachmentsOf(files);
            CustomerReply reply = retriedOnce(() -> tickets.reply(id, customer.scope(), body, attached,
                    Channel.PORTAL));
            redirect.addFlashAttribute(reply.followUp() ? "followUp" : "sent", true);
            return "redirect:/portal/tickets/" + reply.ticket().value();
        } catch (NotFoundException e) {
            throw e;
        } catch (LocalizedException e) {
            response.setStatus(e instanceof PayloadTooLargeException ? 413 : 422);
            fill(model, id);
            model.addAttribute("body", body);
            model.addAttribute("replyError", e.message(messages, locale));
            return "portal/ticket";
        }
    }

    @PostMapping("/portal/tickets/{number:\\d+}/confirm")
    String confirm(@PathVariable long number, RedirectAttributes redirect) {
        retriedOnce(() -> {
            tickets.confirmSolved(new TicketId(number), customer.scope());
            return null;
        });
        redirect.addFlashAttribute("confirmed", true);
        return "redirect:/portal/tickets/" + number;
    }

    @PostMapping("/portal/tickets/{number:\\d+}/reopen")
    String reopen(@PathVariable long number, RedirectAttributes redirect) {
        retriedOnce(() -> {
            tickets.reopen(new TicketId(number), customer.scope());
            return null;
        });
        redirect.addFlashAttribute("reopened", true);
        return "redirect:/portal/tickets/" + number;
    }

    /** A file of the public conversation; always downloaded, never shown in the page, except plain images. */
    @GetMapping("/portal/attachments/{id:\\d+}")
    ResponseEntity<Resource> download(@PathVariable long id) {
        AttachmentFiles.Download download = tickets.attachment(id, customer.scope());
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
                        StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.content());
    }

    private void fill(Model model, TicketId id) {
        model.addAttribute("ticket", tickets.view(id, customer.scope()));
        model.addAttribute("me", customer.id());
        model.addAttribute("maxAttachmentMb", Math.max(1, attachmentFiles.maxSize() / (1024 * 1024)));
    }

    /**
     * Runs the change again once when an agent saved the same ticket at that very moment: the customer's action
     * does not depend on what the agent changed, so there is nothing for them to review.
     */
    private static <T> T retriedOnce(Supplier<T> change) {
        try {
            return change.get();
        } catch (OptimisticLockingFailureException e) {
            return change.get();
        }
    }

    private static List<NewAttachment> attachmentsOf(MultipartFile[] files) {
        if (files == null) {
            return List.of();
        }
        return Arrays.stream(files).filter(file -> file != null && !file.isEmpty())
                .map(file -> new NewAttachment(file.getOriginalFilename(), file.getContentType(), file)).toList();
    }
}
