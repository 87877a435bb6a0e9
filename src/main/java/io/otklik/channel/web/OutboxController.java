package io.otklik.channel.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import io.otklik.channel.DeliveryState;
import io.otklik.channel.OutboxAdministration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Outbox": the latest outgoing mails with their state, tries, next try and last error; failed ones can be retried. */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    static final int SHOWN = 200;

    private final OutboxAdministration outbox;
    private final String ticketPrefix;

    OutboxController(OutboxAdministration outbox, @Value("${otklik.tickets.number-prefix:OTK-}") String ticketPrefix) {
        this.outbox = outbox;
        this.ticketPrefix = ticketPrefix;
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, Model model) {
        DeliveryState filter = stateOf(state);
        model.addAttribute("state", filter);
        model.addAttribute("states", DeliveryState.values());
        Map<DeliveryState, Long> counts = outbox.counts();
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("entries", outbox.latest(filter, SHOWN));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("ticketPrefix", ticketPrefix);
        return "channel/outbox";
    }

    @PostMapping("/{id:\\d+}/retry")
    String retry(@PathVariable long id, @RequestParam(required = false) String state, RedirectAttributes redirect) {
        redirect.addFlashAttribute(outbox.retry(id) ? "retried" : "notRetried", id);
        DeliveryState filter = stateOf(state);
        return "redirect:/admin/outbox" + (filter == null ? "" : "?state=" + filter.name());
    }

    /** The state a filter names; anything else (or nothing) means all states. */
    private static DeliveryState stateOf(String state) {
        return Arrays.stream(DeliveryState.values())
                .filter(s -> s.name().equals(state == null ? "" : state.strip().toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }
}
