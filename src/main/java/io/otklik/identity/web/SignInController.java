package io.otklik.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form post. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String username, Model model) {
        model.addAttribute("username", username == null ? "" : username);
        return "identity/login";
    }
}
