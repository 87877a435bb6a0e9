package io.otklik.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

/**
 * One demo ticket as it happened: who wrote in, how, and what support did about it, step by step. Staff,
 * teams, categories and customers are named by their keys in {@link DemoDataset}.
 */
final class DemoStory {

    /** A file the demo makes up for a message. */
    enum File { NONE, LOG, SCREENSHOT }

    /** One thing done to the ticket after it opened. */
    sealed interface Step permits Reply, Note, Escalation, StatusChange {
    }

    /** A public reply; {@code statusAfter} moves the ticket on with it (or stays null). */
    record Reply(String agent, String text, Status statusAfter, File file) implements Step {
    }

    record Note(String agent, String text, File file) implements Step {
    }

    /** The ticket handed to another team and agent. */
    record Escalation(String agent, String team, String assignee) implements Step {
    }

    /** A status change; a null agent is the system (as when a solved ticket closes after the waiting days). */
    record StatusChange(String agent, Status status) implements Step {
    }

    final String subject;
    final String customer;
    final Channel channel;
    final Priority priority;
    final String category;
    final List<Step> steps = new ArrayList<>();
    String description;
    File file = File.NONE;
    String team;
    String assignee;
    String loggedBy;
    Set<String> tags = Set.of();

    private DemoStory(String subject, String customer, Channel channel, Priority priority, String category) {
        this.subject = subject;
        this.customer = customer;
        this.channel = channel;
        this.priority = priority;
        this.category = category;
    }

    static DemoStory story(String subject, String customer, Channel channel, Priority priority, String category) {
        return new DemoStory(subject, customer, channel, priority, category);
    }

    /** The customer's first message. */
    DemoStory says(String text) {
        this.description = text.strip();
        return this;
    }

    DemoStory with(File attached) {
        this.file = attached;
        return this;
    }

    DemoStory tags(String... values) {
        this.tags = Set.of(values);
        return this;
    }

    /** The team the ticket opens in, not yet taken by anyone (it stays new). */
    DemoStory team(String value) {
        this.team = value;
        return this;
    }

    /** The team and agent the ticket opens with (it opens as "open"). */
    DemoStory assigned(String toTeam, String agent) {
        this.team = toTeam;
        this.assignee = agent;
        return this;
    }

    /** An agent took the request by phone and opened the ticket. */
    DemoStory loggedBy(String agent) {
        this.loggedBy = agent;
        return this;
    }

    DemoStory reply(String agent, String text) {
        return reply(agent, text, null, File.NONE);
    }

    DemoStory reply(String agent, String text, Status statusAfter) {
        return reply(agent, text, statusAfter, File.NONE);
    }

    DemoStory reply(String agent, String text, Status statusAfter, File attached) {
        steps.add(new Reply(agent, text.strip(), statusAfter, attached));
        return this;
    }

    DemoStory note(String agent, String text) {
        return note(agent, text, File.NONE);
    }

    DemoStory note(String agent, String text, File attached) {
        steps.add(new Note(agent, text.strip(), attached));
        return this;
    }

    DemoStory escalate(String agent, String toTeam, String toAgent) {
        steps.add(new Escalation(agent, toTeam, toAgent));
        return this;
    }

    DemoStory status(String agent, Status status) {
        steps.add(new StatusChange(agent, status));
        return this;
    }

    /** Solved by the agent, then closed by the system once the customer's days to object have passed. */
    DemoStory solvedAndClosed(String agent) {
        return status(agent, Status.SOLVED).status(null, Status.CLOSED);
    }
}
