package io.otklik.agent;

/** Identifies a team. */
public record TeamId(long value) {
}
