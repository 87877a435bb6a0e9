package io.otklik.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.shared.LocalizedException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * What every portal page has: the signed-in customer's name for the layout, and failures shown in the portal's
 * own layout. A ticket or file the customer may not see is "not found", exactly like one that does not exist.
 */
@ControllerAdvice(basePackageClasses = PortalPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalPages {

    private final PortalCustomer customer;
    private final MessageSource messages;

    PortalPages(PortalCustomer customer, MessageSource messages) {
        this.customer = customer;
        this.messages = messages;
    }

    @ModelAttribute("portalCustomerName")
    String customerName() {
        return customer.signedIn() ? customer.card().name() : null;
    }

    /** Not found, a broken rule, a conflict, too large, not allowed: each with its own status and words. */
    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, Locale locale, HttpServletResponse response) {
        return page(e.status(), e, model, locale, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("portalCustomerName", customerName());
        model.addAttribute("status", 413);
        model.addAttribute("problem", messages.getMessage("error.upload-too-large", null, locale));
        return "portal/error";
    }

    private String page(int status, LocalizedException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("portalCustomerName", customerName());
        model.addAttribute("status", status);
        model.addAttribute("problem", e.message(messages, locale));
        return "portal/error";
    }
}
