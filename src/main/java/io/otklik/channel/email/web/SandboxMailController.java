package io.otklik.channel.email.web;

import io.otklik.channel.email.SandboxMail;
import io.otklik.channel.email.SandboxMails;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Sandbox mail": every mail that reached the sandbox mail server, and one mail with its headers, its text, its
 * HTML (shown in a sandboxed frame: no scripts, no requests out of it) and the names of its attachments.
 */
@Controller
@RequestMapping("/admin/sandbox-mail")
class SandboxMailController {

    private final SandboxMails mails;

    SandboxMailController(SandboxMails mails) {
        this.mails = mails;
    }

    @GetMapping
    String list(Model model) {
        var sandbox = mails.sandbox();
        model.addAttribute("sandbox", sandbox.orElse(null));
        model.addAttribute("smtpHost", mails.smtpHost());
        model.addAttribute("mails", mails.mails());
        return "channel/sandbox-mail";
    }

    @GetMapping("/{number:\\d+}")
    String show(@PathVariable long number, Model model) {
        SandboxMail mail = mails.mail(number);
        model.addAttribute("mail", mail);
        model.addAttribute("contents", mail.read());
        return "channel/sandbox-message";
    }
}
