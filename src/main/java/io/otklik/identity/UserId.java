package io.otklik.identity;

/** Identifies a staff account. */
public record UserId(long value) implements java.io.Serializable {
}
