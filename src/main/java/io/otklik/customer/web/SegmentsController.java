package io.otklik.customer.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.customer.CustomerSegments;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The segments customers can be put in (VIP, …): everyone sees them, supervisors add and delete them. */
@Controller
@RequestMapping("/customers/segments")
class SegmentsController {

    private final CustomerSegments segments;
    private final MessageSource messages;

    SegmentsController(CustomerSegments segments, MessageSource messages) {
        this.segments = segments;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", SegmentForm.empty());
        return page(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") SegmentForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                segments.create(form.name());
                redirect.addFlashAttribute("created", form.name().strip());
                return "redirect:/customers/segments";
            } catch (AccessDeniedException e) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("notAllowed", true);
            } catch (ConflictException | RuleViolationException e) {
                errors.rejectValue("name", e.code(), e.arguments(), null);
            }
        }
        return page(model);
    }

    @PostMapping("/delete")
    String delete(@RequestParam String name, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            segments.delete(name);
            redirect.addFlashAttribute("deleted", name.strip());
            return "redirect:/customers/segments";
        } catch (AccessDeniedException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("notAllowed", true);
        } catch (NotFoundException e) {
            model.addAttribute("deleteError", e.message(messages, locale));
        }
        model.addAttribute("form", SegmentForm.empty());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("segments", segments.segments());
        return "customer/segments";
    }
}
