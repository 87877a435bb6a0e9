package io.otklik.system.web;

import io.otklik.identity.Accounts;
import io.otklik.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in staff member, for the layout's name, menu and role-dependent links. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

    private final Accounts accounts;

    LayoutAttributes(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return accounts.current().orElse(null);
    }
}
