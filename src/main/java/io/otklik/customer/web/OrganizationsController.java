package io.otklik.customer.web;

import jakarta.validation.Valid;

import io.otklik.customer.CustomerDirectory;
import io.otklik.shared.ConflictException;
import io.otklik.shared.RuleViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizations and their email domains, and the form that adds one. */
@Controller
@RequestMapping("/customers/organizations")
class OrganizationsController {

    private final CustomerDirectory directory;

    OrganizationsController(CustomerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", OrganizationForm.empty());
        return page(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                directory.createOrganization(form.name().strip(), form.cleanDomain());
                redirect.addFlashAttribute("created", form.name().strip());
                return "redirect:/customers/organizations";
            } catch (ConflictException e) {
                errors.rejectValue("domain", e.code(), e.arguments(), null);
            } catch (RuleViolationException e) {
                errors.rejectValue("name", e.code(), e.arguments(), null);
            }
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("organizations", directory.organizations());
        return "customer/organizations";
    }
}
