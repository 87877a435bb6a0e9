package io.otklik.agent;

/** A team as listed. */
public record TeamView(TeamId id, String name, SupportLine line) {
}
