package io.otklik.customer.web;

import java.util.List;

import jakarta.validation.Valid;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Customers for every agent: search by name, organization or any address; register one. */
@Controller
@RequestMapping("/customers")
class CustomersController {

    /** A search shows this many at most; past it the page asks for a narrower search. */
    static final int SHOWN = 100;

    private final CustomerDirectory directory;

    CustomersController(CustomerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String query,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("form", CustomerForm.empty());
        return page(query, model, htmx != null);
    }

    @PostMapping
    String register(@Valid @ModelAttribute("form") CustomerForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                CustomerId id = directory.register(form.toNewCustomer());
                return "redirect:/customers/" + id.value() + "?registered";
            } catch (ConflictException | RuleViolationException e) {
                errors.rejectValue(e.code().contains("phone") ? "phone" : "email", e.code(), e.arguments(), null);
            } catch (NotFoundException e) {
                errors.rejectValue("organizationId", e.code(), e.arguments(), null);
            }
        }
        return page(null, model, false);
    }

    private String page(String query, Model model, boolean fragment) {
        String text = query == null ? "" : query.strip();
        List<CustomerCard> found = directory.search(text, SHOWN + 1);
        model.addAttribute("query", text);
        model.addAttribute("customers", found.size() > SHOWN ? found.subList(0, SHOWN) : found);
        model.addAttribute("more", found.size() > SHOWN);
        model.addAttribute("organizations", directory.organizations());
        return fragment ? "customer/customers :: list" : "customer/customers";
    }
}
