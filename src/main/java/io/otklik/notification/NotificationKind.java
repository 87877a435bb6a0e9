package io.otklik.notification;

import java.util.List;

/** Each kind of notice we send, who gets it and which variables its template may use. */
public enum NotificationKind {
    ACKNOWLEDGEMENT(Audience.CUSTOMER, "answer.by"),
    PROMISE_CHANGED(Audience.CUSTOMER, "answer.by", "answer.before"),
    AGENT_REPLY(Audience.CUSTOMER, "reply.text", "agent.name"),
    WAITING_FOR_CUSTOMER(Audience.CUSTOMER),
    SOLVED(Audience.CUSTOMER, "confirm.link", "reopen.link"),
    CLOSED(Audience.CUSTOMER),
    SIGN_IN_LINK(Audience.CUSTOMER, "sign-in.link", "link.minutes"),
    TICKET_ASSIGNED(Audience.AGENT, "by.name"),
    CUSTOMER_REPLIED(Audience.AGENT, "message.text"),
    MENTIONED(Audience.AGENT, "by.name", "message.text"),
    SLA_WARNING(Audience.AGENT, "sla.target", "sla.percent", "due.at"),
    SLA_BREACHED(Audience.AGENT, "sla.target", "sla.percent", "due.at");

    /** Who a notice is for. */
    public enum Audience {
        CUSTOMER, AGENT
    }

    private static final List<String> COMMON = List.of("customer.name", "ticket.reference", "ticket.subject",
            "ticket.link", "team.name");
    private static final List<String> FOR_AGENTS = List.of("recipient.name");

    private final Audience audience;
    private final List<String> own;

    NotificationKind(Audience audience, String... own) {
        this.audience = audience;
        this.own = List.of(own);
    }

    public Audience audience() {
        return audience;
    }

    /** The variables a template of this kind may use, common ones first. */
    public List<String> variables() {
        List<String> all = new java.util.ArrayList<>(COMMON);
        if (audience == Audience.AGENT) {
            all.addAll(FOR_AGENTS);
        }
        all.addAll(own);
        return List.copyOf(all);
    }

    /** The file name part and URL segment of this kind: {@code agent-reply}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<NotificationKind> ofSlug(String slug) {
        for (NotificationKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
