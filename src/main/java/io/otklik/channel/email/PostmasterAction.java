package io.otklik.channel.email;

import io.otklik.ticket.Priority;

/**
 * What a matching postmaster rule does with the mail. The argument is the tag for {@link Kind#TAG}, the team's or
 * category's id for {@link Kind#ROUTE_TEAM} and {@link Kind#SET_CATEGORY}, the priority's name for
 * {@link Kind#SET_PRIORITY}, and empty for {@link Kind#DROP}; never null.
 */
public record PostmasterAction(Kind kind, String argument) {

    public PostmasterAction {
        argument = argument == null ? "" : argument.strip();
    }

    public static PostmasterAction drop() {
        return new PostmasterAction(Kind.DROP, "");
    }

    public static PostmasterAction tag(String tag) {
        return new PostmasterAction(Kind.TAG, tag);
    }

    public static PostmasterAction team(long teamId) {
        return new PostmasterAction(Kind.ROUTE_TEAM, Long.toString(teamId));
    }

    public static PostmasterAction category(long categoryId) {
        return new PostmasterAction(Kind.SET_CATEGORY, Long.toString(categoryId));
    }

    public static PostmasterAction priority(Priority priority) {
        return new PostmasterAction(Kind.SET_PRIORITY, priority.name());
    }

    /** The id of a team or category action; null when the argument is no positive number. */
    public Long id() {
        try {
            long id = Long.parseLong(argument);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The priority of a priority action; null when the argument names none. */
    public Priority priority() {
        for (Priority priority : Priority.values()) {
            if (priority.name().equals(argument)) {
                return priority;
            }
        }
        return null;
    }

    /** What a rule can do. */
    public enum Kind {
        /** No ticket is opened or added to; the mail is kept in the inbound store as dropped. */
        DROP,
        TAG,
        ROUTE_TEAM,
        SET_CATEGORY,
        SET_PRIORITY
    }
}
