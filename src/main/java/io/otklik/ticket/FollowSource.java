package io.otklik.ticket;

/** How a customer came to follow a ticket; the ticket's history says it next to their name. */
public enum FollowSource {

    /** In CC of the email that opened the ticket. */
    EMAIL_CC("email-cc"),

    /** Joined the conversation later: in CC of a later email of the ticket, or wrote to its thread themselves. */
    REPLY("reply"),

    /** Added by an agent, on the ticket page or over the API. */
    AGENT("agent");

    private final String code;

    FollowSource(String code) {
        this.code = code;
    }

    /** {@code email-cc}, {@code reply}, {@code agent}: the history line of a new follower is "follower-" + code. */
    public String code() {
        return code;
    }
}
