package io.otklik.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.AgentView;
import io.otklik.identity.Accounts;
import io.otklik.identity.CustomerSignInLinks;
import io.otklik.shared.SupportedLanguages;
import io.otklik.ticket.TicketDetails;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds notices about a ticket: the recipient, their language, and the variables every template may use. */
@Component
class Notices {

    private final AgentDirectory agents;
    private final Accounts accounts;
    private final CustomerLanguages customerLanguages;
    private final CustomerSignInLinks signInLinks;
    private final MessageSource messages;
    private final NotificationSettings settings;
    private final AcknowledgementGuard guard;
    private final String publicUrl;

    Notices(AgentDirectory agents, Accounts accounts, CustomerLanguages customerLanguages,
            CustomerSignInLinks signInLinks, MessageSource messages, NotificationSettings settings,
            AcknowledgementGuard guard, @Value("${otklik.public-url}") String publicUrl) {
        this.agents = agents;
        this.accounts = accounts;
        this.customerLanguages = customerLanguages;
        this.signInLinks = signInLinks;
        this.messages = messages;
        this.settings = settings;
        this.guard = guard;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A notice to the ticket's requester; {@code ticket.link} signs them in to the portal on the ticket's page. */
    Notice forCustomer(String key, NotificationKind kind, TicketDetails ticket, Map<String, String> extra,
            Long ticketMessageId) {
        return forCustomer(key, kind, ticket, extra, ticketMessageId, List.of());
    }

    /**
     * A notice to the ticket's requester with its followers in copy: one mail, as in any email conversation. Copies
     * go only to addresses we may write to (never our own, nor system senders) and not to the requester again.
     * With anyone in copy, {@code ticket.link} is the plain address of the ticket's portal page: a link that signs
     * the requester in must not reach other people's mailboxes.
     */
    Notice forCustomer(String key, NotificationKind kind, TicketDetails ticket, Map<String, String> extra,
            Long ticketMessageId, List<String> followers) {
        return forCustomer(key, kind, ticket, customerLanguages.of(ticket.requester().id()), extra, ticketMessageId,
                followers);
    }

    /** The same, in a language the caller looked up already ({@link #languageOf}). */
    Notice forCustomer(String key, NotificationKind kind, TicketDetails ticket, Locale language,
            Map<String, String> extra, Long ticketMessageId, List<String> followers) {
        String requester = ticket.requester().email();
        Set<String> seen = new HashSet<>();
        if (requester != null) {
            seen.add(requester.strip().toLowerCase(Locale.ROOT));
        }
        List<String> cc = followers.stream().filter(Objects::nonNull).map(String::strip)
                .filter(address -> guard.refusal(address).isEmpty())
                .filter(address -> seen.add(address.toLowerCase(Locale.ROOT))).toList();
        Map<String, String> values = common(ticket, language);
        values.put("ticket.link", cc.isEmpty() ? portalLink(ticket, "")
                : publicUrl + "/portal/tickets/" + ticket.id().value());
        values.putAll(extra);
        return new Notice(key, kind, ticket.id().value(), ticket.requester().id().value(), requester, language,
                values, ticketMessageId, cc);
    }

    Locale languageOf(TicketDetails ticket) {
        return customerLanguages.of(ticket.requester().id());
    }

    /** A notice to an agent, in the language they chose for the workspace. */
    Notice forAgent(String key, NotificationKind kind, TicketDetails ticket, AgentId agentId,
            Map<String, String> extra) {
        return forAgent(key, kind, ticket, agentId, language -> extra);
    }

    /** A notice to an agent whose own variables are written in the agent's language ({@code extra} is given it). */
    Notice forAgent(String key, NotificationKind kind, TicketDetails ticket, AgentId agentId,
            Function<Locale, Map<String, String>> extra) {
        AgentView agent = agents.agent(agentId);
        Locale chosen = accounts.find(agent.userId()).locale();
        Locale language = chosen == null ? SupportedLanguages.RUSSIAN : SupportedLanguages.nearest(chosen);
        Map<String, String> values = common(ticket, language);
        values.put("ticket.link", publicUrl + "/tickets/" + ticket.id().value());
        values.put("recipient.name", agent.name());
        values.putAll(extra.apply(language));
        return new Notice(key, kind, ticket.id().value(), null, agent.email(), language, values, null);
    }

    /**
     * A portal address on the ticket's page that signs the requester in on the way (the link works once, for
     * {@code otklik.notifications.mail-link-validity}); {@code action} opens the page at "confirm" or "reopen".
     */
    String portalLink(TicketDetails ticket, String action) {
        String next = "/portal/tickets/" + ticket.id().value() + (action.isEmpty() ? "" : "?action=" + action);
        String token = signInLinks.issue(ticket.requester().id().value(), settings.mailLinkValidity());
        return publicUrl + "/portal/link/" + token + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    String signInLink(String token) {
        return publicUrl + "/portal/link/" + token;
    }

    String teamName(Locale language) {
        return settings.teamName() == null || settings.teamName().isBlank()
                ? messages.getMessage("notification.team-name", null, language)
                : settings.teamName();
    }

    private Map<String, String> common(TicketDetails ticket, Locale language) {
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", ticket.requester().name());
        values.put("ticket.reference", ticket.reference());
        values.put("ticket.subject", ticket.subject());
        values.put("team.name", teamName(language));
        return values;
    }
}
