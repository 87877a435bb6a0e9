package io.otklik.agent;

/** Identifies an agent. */
public record AgentId(long value) {
}
