package io.otklik.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.AgentView;
import io.otklik.ticket.Actor;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.HistoryView;
import io.otklik.ticket.MessageAdded;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.MessageView;
import io.otklik.ticket.TicketChanged;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketOpened;
import io.otklik.ticket.TicketQueries;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells agents what needs them: a ticket assigned to them by someone else, their customer's reply, and a colleague
 * mentioning them ({@code @ivanova} — the part of their email before the @ — or {@code @ivanova@example.com}).
 */
@Component
class KeepAgentsInformed {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}.])@([\\p{L}\\p{N}._%+-]+(?:@[\\p{L}\\p{N}.-]+)?)");

    private final TicketQueries tickets;
    private final Conversations conversations;
    private final AgentDirectory agents;
    private final Notices notices;
    private final Notifier notifier;

    KeepAgentsInformed(TicketQueries tickets, Conversations conversations, AgentDirectory agents, Notices notices,
            Notifier notifier) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.agents = agents;
        this.notices = notices;
        this.notifier = notifier;
    }

    // The conditions leave out, before anything is stored or read, the events that cannot concern an agent: most
    // tickets open unassigned, and most messages are customers' new tickets or notes.
    @ApplicationModuleListener(condition = "#event.assigned()")
    void on(TicketOpened event) {
        TicketDetails ticket = tickets.details(event.ticket());
        if (ticket.assignee() != null) {
            Optional<HistoryView> created = tickets.history(event.ticket()).stream()
                    .filter(entry -> entry.field().equals("created")).findFirst();
            assigned(ticket, ticket.assignee(), created.map(HistoryView::actor).orElse(Actor.system()), event.at()
                    .toEpochMilli());
        }
    }

    @ApplicationModuleListener(condition = "#event.fields().contains('assignee')")
    void on(TicketChanged event) {
        // History shows people by name; the assignee's id is the ticket's own, as of now.
        TicketDetails ticket = tickets.details(event.ticket());
        if (ticket.assignee() == null) {
            return;
        }
        tickets.history(event.ticket()).stream()
                .filter(entry -> entry.field().equals("assignee") && notAfter(entry.at(), event.at()))
                .reduce((first, second) -> second)
                .ifPresent(change -> assigned(ticket, ticket.assignee(), change.actor(), event.at().toEpochMilli()));
    }

    @ApplicationModuleListener(condition = "#event.author().name() == 'AGENT' "
            + "or (#event.author().name() == 'CUSTOMER' and #event.kind().name() == 'PUBLIC_REPLY')")
    void on(MessageAdded event) {
        if (event.author() == Actor.Type.CUSTOMER) {
            // Most customer messages open a ticket nobody is assigned to yet: that is decided without reading the
            // ticket. A customer's note (their auto-reply, kept for the staff) is not news either.
            if (event.kind() != MessageKind.PUBLIC_REPLY || tickets.assigneeOf(event.ticket()).isEmpty()) {
                return;
            }
            TicketDetails ticket = tickets.details(event.ticket());
            if (ticket.assignee() == null) {
                return;
            }
            List<MessageView> conversation = conversations.of(event.ticket());
            boolean opening = conversation.getFirst().id() == event.messageId();
            messageOf(conversation, event.messageId()).filter(message -> !opening).ifPresent(message ->
                    notifier.send(notices.forAgent("customer-replied:" + event.messageId(),
                            NotificationKind.CUSTOMER_REPLIED, ticket, ticket.assignee(),
                            Map.of("message.text", message.body()))));
        } else if (event.author() == Actor.Type.AGENT) {
            Optional<MessageView> message = messageOf(conversations.of(event.ticket()), event.messageId());
            Set<AgentView> mentioned = message.map(m -> mentionedIn(m.body())).orElse(Set.of());
            if (mentioned.isEmpty()) {
                return;
            }
            TicketDetails ticket = tickets.details(event.ticket());
            for (AgentView agent : mentioned) {
                if (!Long.valueOf(agent.id().value()).equals(message.get().author().id())) {
                    notifier.send(notices.forAgent("mentioned:" + event.messageId() + ":" + agent.id().value(),
                            NotificationKind.MENTIONED, ticket, agent.id(),
                            Map.of("by.name", message.get().author().name(), "message.text", message.get().body())));
                }
            }
        }
    }

    private static Optional<MessageView> messageOf(List<MessageView> conversation, long id) {
        return conversation.stream().filter(m -> m.id() == id).findFirst();
    }

    private void assigned(TicketDetails ticket, AgentId agent, Actor by, long at) {
        if (by.type() == Actor.Type.AGENT && Long.valueOf(agent.value()).equals(by.id())) {
            return;
        }
        notifier.send(notices.forAgent("assigned:" + ticket.id().value() + ":" + agent.value() + ":" + at,
                NotificationKind.TICKET_ASSIGNED, ticket, agent, Map.of("by.name", by.name())));
    }

    /** The agents a text mentions, each once. */
    Set<AgentView> mentionedIn(String text) {
        Set<String> handles = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            handles.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[.,;:!?]+$", ""));
        }
        Set<AgentView> found = new LinkedHashSet<>();
        if (handles.isEmpty()) {
            return found;
        }
        for (AgentView agent : agents.agents()) {
            String email = agent.email().toLowerCase(Locale.ROOT);
            String local = email.substring(0, Math.max(email.indexOf('@'), 0));
            if (handles.contains(email) || handles.contains(local)) {
                found.add(agent);
            }
        }
        return found;
    }

    /**
     * Whether a history line belongs to the change an event reports or to one before it: the event is stamped as
     * the change is saved, a moment after its history lines; a later change has its own event.
     */
    private static boolean notAfter(java.time.Instant line, java.time.Instant event) {
        return !line.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                .isAfter(event.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
