package io.otklik.identity;

import java.util.Locale;

/** What it takes to open a staff account. */
public record NewAccount(String login, String displayName, String password, Role role, Locale locale) {
}
