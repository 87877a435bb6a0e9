package io.otklik.customer.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.customer.CustomFieldType;
import io.otklik.customer.CustomerFields;
import io.otklik.shared.ConflictException;
import io.otklik.shared.RuleViolationException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The custom fields every customer's card has: everyone sees the list, administrators add fields. */
@Controller
@RequestMapping("/customers/fields")
class CustomFieldsController {

    private final CustomerFields fields;

    CustomFieldsController(CustomerFields fields) {
        this.fields = fields;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", CustomFieldForm.empty());
        return page(model);
    }

    @PostMapping
    String define(@Valid @ModelAttribute("form") CustomFieldForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                fields.define(form.toField());
                redirect.addFlashAttribute("created", form.name().strip());
                return "redirect:/customers/fields";
            } catch (AccessDeniedException e) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("notAllowed", true);
            } catch (ConflictException | RuleViolationException e) {
                errors.rejectValue(fieldOf(e.code()), e.code(), e.arguments(), null);
            }
        }
        return page(model);
    }

    private static String fieldOf(String code) {
        if (code.contains(".key")) {
            return "key";
        }
        if (code.contains("option")) {
            return "options";
        }
        return code.contains("type") ? "type" : "name";
    }

    private String page(Model model) {
        model.addAttribute("fields", fields.fields());
        model.addAttribute("types", CustomFieldType.values());
        return "customer/fields";
    }
}
