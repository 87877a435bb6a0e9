package io.otklik.customer.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import io.otklik.customer.ContactKind;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerFields;
import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerProfile;
import io.otklik.customer.CustomerSegments;
import io.otklik.customer.InvalidFieldValues;
import io.otklik.customer.SegmentView;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's page: every address, segments, custom fields, organization and its manager switch, the customer's
 * tickets (loaded from the queues), and the way to merge a duplicate. Each form saves one part and comes back; a
 * refused input is shown next to its field with what was typed.
 */
@Controller
@RequestMapping("/customers/{id:\\d+}")
class CustomerController {

    /** Names of a customer's custom field inputs: {@code field.<key>}. */
    static final String FIELD_PREFIX = "field.";

    private final CustomerDirectory directory;
    private final CustomerSegments segments;
    private final CustomerFields fields;
    private final MessageSource messages;

    CustomerController(CustomerDirectory directory, CustomerSegments segments, CustomerFields fields,
            MessageSource messages) {
        this.directory = directory;
        this.segments = segments;
        this.fields = fields;
        this.messages = messages;
    }

    /** The page; a merged customer's address leads to the customer they were merged into, saying so. */
    @GetMapping
    String card(@PathVariable long id, @RequestParam(required = false) Long mergedFrom, Model model) {
        Optional<CustomerId> current = directory.mergedInto(new CustomerId(id));
        if (current.isPresent()) {
            return "redirect:/customers/" + current.get().value() + "?mergedFrom=" + id;
        }
        if (mergedFrom != null) {
            CustomerId merged = new CustomerId(mergedFrom);
            String name = directory.names(List.of(merged)).get(merged);
            if (name != null && directory.mergedInto(merged).filter(into -> into.value() == id).isPresent()) {
                model.addAttribute("mergedName", name);
            }
        }
        return page(id, model);
    }

    @PostMapping("/contacts")
    String addContact(@PathVariable long id, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                directory.addContact(new CustomerId(id), form.kind(), form.value());
                redirect.addFlashAttribute("saved", "customer.page.contact-added");
                return "redirect:/customers/" + id + "#contacts";
            } catch (ConflictException | RuleViolationException e) {
                errors.rejectValue("value", e.code(), e.arguments(), null);
            }
        }
        return page(id, model);
    }

    @PostMapping("/contacts/remove")
    String removeContact(@PathVariable long id, @RequestParam ContactKind kind, @RequestParam String value,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            directory.removeContact(new CustomerId(id), kind, value);
            redirect.addFlashAttribute("saved", "customer.page.contact-removed");
            return "redirect:/customers/" + id + "#contacts";
        } catch (RuleViolationException | NotFoundException e) {
            model.addAttribute("contactsError", e.message(messages, locale));
            return page(id, model);
        }
    }

    @PostMapping("/segments")
    String putInSegment(@PathVariable long id, @RequestParam(defaultValue = "") String segment, Model model,
            Locale locale, RedirectAttributes redirect) {
        try {
            segments.putIn(new CustomerId(id), segment);
            redirect.addFlashAttribute("saved", "customer.page.segment-added");
            return "redirect:/customers/" + id + "#segments";
        } catch (NotFoundException e) {
            model.addAttribute("segmentError", e.message(messages, locale));
            return page(id, model);
        }
    }

    @PostMapping("/segments/remove")
    String takeOutOfSegment(@PathVariable long id, @RequestParam String segment, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            segments.takeOut(new CustomerId(id), segment);
            redirect.addFlashAttribute("saved", "customer.page.segment-removed");
            return "redirect:/customers/" + id + "#segments";
        } catch (NotFoundException e) {
            model.addAttribute("segmentError", e.message(messages, locale));
            return page(id, model);
        }
    }

    @PostMapping("/fields")
    String changeFields(@PathVariable long id, @RequestParam MultiValueMap<String, String> parameters, Model model,
            Locale locale, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX) && !values.isEmpty()) {
                typed.put(name.substring(FIELD_PREFIX.length()), values.getFirst());
            }
        });
        try {
            fields.change(new CustomerId(id), typed);
            redirect.addFlashAttribute("saved", "customer.page.fields-saved");
            return "redirect:/customers/" + id + "#fields";
        } catch (InvalidFieldValues e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach((key, problem) -> problems.put(key, problem.message(messages, locale)));
            model.addAttribute("fieldValues", typed);
            model.addAttribute("fieldErrors", problems);
            return page(id, model);
        }
    }

    /** Supervisors let an organization's manager see all of its tickets, or stop it. */
    @PostMapping("/organization-manager")
    String organizationManager(@PathVariable long id, @RequestParam(defaultValue = "false") boolean sees,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            directory.allowOrganizationTickets(new CustomerId(id), sees);
            redirect.addFlashAttribute("saved", sees ? "customer.page.manager-on" : "customer.page.manager-off");
            return "redirect:/customers/" + id + "#organization";
        } catch (RuleViolationException e) {
            model.addAttribute("managerError", e.message(messages, locale));
            return page(id, model);
        }
    }

    private String page(long id, Model model) {
        CustomerProfile profile = directory.profile(new CustomerId(id));
        model.addAttribute("profile", profile);
        model.addAttribute("customer", profile.card());
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", ContactForm.empty());
        }
        model.addAttribute("contactKinds", ContactKind.values());
        List<SegmentView> all = segments.segments();
        model.addAttribute("otherSegments", all.stream().map(SegmentView::name)
                .filter(name -> !profile.segments().contains(name)).toList());
        model.addAttribute("fields", fields.fields());
        if (!model.containsAttribute("fieldValues")) {
            model.addAttribute("fieldValues", profile.fields());
            model.addAttribute("fieldErrors", Map.of());
        }
        return "customer/customer";
    }
}
