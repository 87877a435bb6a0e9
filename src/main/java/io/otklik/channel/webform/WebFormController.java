package io.otklik.channel.webform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.sla.PromisedAnswers;
import io.otklik.ticket.TicketId;
import io.otklik.shared.LocalizedException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.PayloadTooLargeException;
import io.otklik.ticket.AttachmentFiles;
import io.otklik.ticket.CategoryView;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.TicketQueries;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public support form, for anyone without signing in, on our site or in a frame on the company's own
 * ({@code ?embed=1}): a request becomes a ticket, and the sender is shown its number on a page only their
 * redirect leads to. Scripts are turned away by a trap field, a minimum fill time and per-sender rate limits.
 */
@Controller
@RequestMapping("/support")
class WebFormController {

    /** Programs and scripts that run when opened; an agent must never be one click away from running them. */
    static final Set<String> REFUSED_EXTENSIONS = Set.of("exe", "bat", "cmd", "com", "js", "vbs", "scr", "msi", "jar",
            "ps1");

    private static final Logger log = LoggerFactory.getLogger(WebFormController.class);
    private static final String PAGE = "channel/webform/form";
    private static final String THANKS = "channel/webform/thanks";

    private final WebFormSubmissions submissions;
    private final Receipts receipts;
    private final PromisedAnswers promises;
    private final FormStamps stamps;
    private final SubmissionLimits limits;
    private final TicketQueries tickets;
    private final AttachmentFiles attachments;
    private final MessageSource messages;
    private final MeterRegistry meters;

    WebFormController(WebFormSubmissions submissions, Receipts receipts, PromisedAnswers promises, FormStamps stamps, SubmissionLimits limits,
            TicketQueries tickets, AttachmentFiles attachments, MessageSource messages, MeterRegistry meters) {
        this.submissions = submissions;
        this.receipts = receipts;
        this.promises = promises;
        this.stamps = stamps;
        this.limits = limits;
        this.tickets = tickets;
        this.attachments = attachments;
        this.messages = messages;
        this.meters = meters;
    }

    @GetMapping("/new")
    String form(@RequestParam(defaultValue = "false") boolean embed, Model model, Locale locale) {
        model.addAttribute("form", SupportRequestForm.blank());
        return page(model, embed, stamps.issue(), locale);
    }

    @PostMapping("/new")
    String submit(@RequestParam(defaultValue = "false") boolean embed,
            @Valid @ModelAttribute("form") SupportRequestForm form, BindingResult binding,
            @RequestParam(name = "files", required = false) MultipartFile[] files, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        String client = request.getRemoteAddr();
        if (form.trapFilled()) {
            rejected("honeypot", client);
            return "redirect:" + thanksPath(null, embed, locale);
        }
        List<MultipartFile> attached = files == null ? List.of()
                : Arrays.stream(files).filter(file -> file != null && !file.isEmpty()).toList();
        model.addAttribute("filesDropped", !attached.isEmpty());
        List<CategoryView> categories = tickets.categories();
        if (form.categoryId() != null && categories.stream().noneMatch(c -> c.id() == form.categoryId())) {
            binding.rejectValue("categoryId", "webform.category.unknown");
        }
        Optional<AttachmentProblem> attachmentProblem = check(attached, locale);
        attachmentProblem.ifPresent(problem -> model.addAttribute("attachmentsError", problem.message()));
        FormStamps.Verdict verdict = stamps.check(form.stamp());
        String stamp = verdict == FormStamps.Verdict.ACCEPTED || verdict == FormStamps.Verdict.TOO_FAST
                ? form.stamp() : stamps.issue();
        if (binding.hasErrors() || attachmentProblem.isPresent()) {
            model.addAttribute("invalid", true);
            response.setStatus(attachmentProblem.map(AttachmentProblem::status).orElse(422));
            return page(model, embed, stamp, locale);
        }
        if (verdict != FormStamps.Verdict.ACCEPTED) {
            // Most likely a script; but a person whose browser filled the form in, or who left it open overnight,
            // only has to press the button again.
            rejected(verdict == FormStamps.Verdict.TOO_FAST ? "too-fast" : "stale-form", client);
            model.addAttribute("formNotice", messages.getMessage("webform.send-again", null, locale));
            response.setStatus(422);
            return page(model, embed, verdict == FormStamps.Verdict.TOO_FAST ? stamp : stamps.issue(), locale);
        }
        Optional<SubmissionLimits.Refusal> refusal = limits.take(client, form.email());
        if (refusal.isPresent()) {
            rejected(refusal.get().kind() == SubmissionLimits.Refusal.Kind.EMAIL ? "rate-limit-email"
                    : "rate-limit-address", client);
            long seconds = Math.max(1, (refusal.get().retryAfter().toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            model.addAttribute("formError", messages.getMessage("webform.too-many",
                    new Object[] {Long.toString((seconds + 59) / 60)}, locale));
            return page(model, embed, stamp, locale);
        }
        try {
            WebFormSubmissions.Submitted submitted = submit(form, attached, locale);
            return "redirect:" + thanksPath(submitted.receiptToken(), embed, locale);
        } catch (NotFoundException e) {
            // The category was removed while the form was open.
            binding.rejectValue("categoryId", "webform.category.unknown");
            model.addAttribute("invalid", true);
            response.setStatus(422);
        } catch (PayloadTooLargeException e) {
            model.addAttribute("attachmentsError", e.message(messages, locale));
            model.addAttribute("invalid", true);
            response.setStatus(413);
        } catch (LocalizedException e) {
            model.addAttribute("formError", e.message(messages, locale));
            response.setStatus(422);
        }
        return page(model, embed, stamp, locale);
    }

    /** A sender's receipt; without a token (a trapped script's "thank you"), the same page without a ticket. */
    @GetMapping({"/thanks", "/thanks/{token}"})
    String thanks(@PathVariable(required = false) String token, @RequestParam(defaultValue = "false") boolean embed,
            Model model, HttpServletResponse response) {
        model.addAttribute("embed", embed);
        if (token != null) {
            Optional<Receipts.Receipt> receipt = receipts.find(token);
            if (receipt.isEmpty()) {
                response.setStatus(404);
                model.addAttribute("notFound", true);
                return THANKS;
            }
            model.addAttribute("receipt", receipt.get());
            model.addAttribute("answerBy", promises.firstAnswerBy(new TicketId(receipt.get().ticketNumber())));
        }
        return THANKS;
    }

    /** Opens the ticket; a second sender registering the same new email at the same moment gets one more try. */
    private WebFormSubmissions.Submitted submit(SupportRequestForm form, List<MultipartFile> files, Locale locale) {
        List<NewAttachment> newAttachments = files.stream()
                .map(file -> new NewAttachment(file.getOriginalFilename(), file.getContentType(), file)).toList();
        try {
            return submissions.submit(form, newAttachments, locale);
        } catch (DataIntegrityViolationException raced) {
            return submissions.submit(form, newAttachments, locale);
        }
    }

    private String page(Model model, boolean embed, String stamp, Locale locale) {
        model.addAttribute("embed", embed);
        model.addAttribute("stamp", stamp);
        model.addAttribute("categories", tickets.categories());
        model.addAttribute("maxSize", size(attachments.maxSize(), locale));
        return PAGE;
    }

    private static String thanksPath(String token, boolean embed, Locale locale) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath(token == null ? "/support/thanks" : "/support/thanks/{token}");
        if (embed) {
            // Inside a frame on another site our cookies may not be kept, so the language travels in the address.
            path.queryParam("embed", 1).queryParam("lang", locale.getLanguage());
        }
        return token == null ? path.build().toUriString() : path.buildAndExpand(token).toUriString();
    }

    private void rejected(String reason, String client) {
        meters.counter("otklik.webform.rejected", "reason", reason).increment();
        log.info("Web form submission from {} turned away: {}", client, reason);
    }

    /** The first problem with the attached files: a refused type, else a file over the size limit. */
    private Optional<AttachmentProblem> check(List<MultipartFile> files, Locale locale) {
        List<String> refused = files.stream().filter(WebFormController::isExecutable)
                .map(WebFormController::shownName).toList();
        if (!refused.isEmpty()) {
            return Optional.of(new AttachmentProblem(422, messages.getMessage("webform.files.refused-type",
                    new Object[] {String.join(", ", refused)}, locale)));
        }
        long max = attachments.maxSize();
        List<String> tooLarge = files.stream().filter(file -> file.getSize() > max)
                .map(WebFormController::shownName).toList();
        if (!tooLarge.isEmpty()) {
            return Optional.of(new AttachmentProblem(413, messages.getMessage("webform.files.too-large",
                    new Object[] {String.join(", ", tooLarge), size(max, locale)}, locale)));
        }
        return Optional.empty();
    }

    /** By its name's extension (trailing dots and spaces ignored, as Windows does), or a Windows program's header. */
    static boolean isExecutable(MultipartFile file) {
        String name = shownName(file).toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", "");
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && REFUSED_EXTENSIONS.contains(name.substring(dot + 1))) {
            return true;
        }
        try (InputStream in = file.getInputStream()) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'M' && head[1] == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String shownName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }

    private String size(long bytes, Locale locale) {
        long megabyte = 1024 * 1024;
        return bytes >= megabyte
                ? messages.getMessage("webform.size.mb", new Object[] {Long.toString(bytes / megabyte)}, locale)
                : messages.getMessage("webform.size.kb", new Object[] {Long.toString(Math.max(1, bytes / 1024))}, locale);
    }

    private record AttachmentProblem(int status, String message) {
    }
}
