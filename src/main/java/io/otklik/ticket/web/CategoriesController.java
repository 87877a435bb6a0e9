package io.otklik.ticket.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.shared.ConflictException;
import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.Categories;
import io.otklik.ticket.TicketQueries;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The request categories agents file tickets under, and the form that adds one. */
@Controller
@RequestMapping("/admin/categories")
class CategoriesController {

    private final Categories categories;
    private final TicketQueries queries;

    CategoriesController(Categories categories, TicketQueries queries) {
        this.categories = categories;
        this.queries = queries;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", CategoryForm.empty());
        return page(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CategoryForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                categories.create(form.name().strip());
                redirect.addFlashAttribute("created", form.name().strip());
                return "redirect:/admin/categories";
            } catch (AccessDeniedException e) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("notAllowed", true);
            } catch (ConflictException | RuleViolationException e) {
                errors.rejectValue("name", e.code(), e.arguments(), null);
            }
        }
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("categories", queries.categories());
        return "ticket/categories";
    }
}
