package io.otklik.system.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.shared.LocalizedException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Failures on pages that a form did not handle itself: an error page in the user's language with the right
 * status, and never the details of what exists behind a 404.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Not found, a broken rule, a conflict, too large, not allowed: each with its own status and words. */
    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, Locale locale, HttpServletResponse response) {
        return page(e.status(), e, model, locale, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("status", 413);
        model.addAttribute("problem", messages.getMessage("error.upload-too-large", null, locale));
        return "error";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("problem", messages.getMessage("error.forbidden", null, locale));
        return "error";
    }

    private String page(int status, LocalizedException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", e.message(messages, locale));
        return "error";
    }
}
