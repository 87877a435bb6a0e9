package io.otklik.identity;

/** A freshly created token: {@code secret} is shown to its owner this once and never stored. */
public record IssuedToken(TokenView token, String secret) {
}
