package io.otklik.customer.web;

import java.util.List;
import java.util.Locale;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerProfile;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merging a duplicate into a customer (supervisors): find the duplicate by search, look at both side by side,
 * confirm. The duplicate's tickets, addresses, segments and field values move to the customer.
 */
@Controller
@RequestMapping("/customers/{id:\\d+}/merge")
class MergeController {

    /** Candidates shown for one search. */
    static final int SHOWN = 20;

    private final CustomerDirectory directory;
    private final MessageSource messages;

    MergeController(CustomerDirectory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    /** The search for a duplicate, or (with {@code duplicate}) the confirmation; htmx gets only the candidates. */
    @GetMapping
    String page(@PathVariable long id, @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) Long duplicate,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        show(id, query, duplicate, model);
        return htmx != null && duplicate == null ? "customer/merge :: candidates" : "customer/merge";
    }

    @PostMapping
    String merge(@PathVariable long id, @RequestParam long duplicate, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            String name = directory.names(List.of(new CustomerId(duplicate))).get(new CustomerId(duplicate));
            directory.merge(new CustomerId(duplicate), new CustomerId(id));
            redirect.addFlashAttribute("mergedName", name);
            return "redirect:/customers/" + id;
        } catch (RuleViolationException | NotFoundException e) {
            model.addAttribute("mergeError", e.message(messages, locale));
            show(id, null, null, model);
            return "customer/merge";
        }
    }

    private void show(long id, String query, Long duplicate, Model model) {
        CustomerProfile target = directory.profile(new CustomerId(id));
        String text = query == null ? "" : query.strip();
        model.addAttribute("target", target);
        model.addAttribute("query", text);
        List<CustomerCard> candidates = text.isEmpty() ? List.of()
                : directory.search(text, SHOWN + 1).stream().filter(card -> card.id().value() != id).limit(SHOWN)
                        .toList();
        model.addAttribute("candidates", candidates);
        if (duplicate != null && duplicate != id) {
            CustomerId chosen = new CustomerId(duplicate);
            if (directory.mergedInto(chosen).isEmpty()) {
                model.addAttribute("duplicate", directory.profile(chosen));
            }
        }
    }
}
