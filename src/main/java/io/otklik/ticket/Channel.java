package io.otklik.ticket;

/** Where a request came from. */
public enum Channel {
    EMAIL, WEB_FORM, PORTAL, CHAT, TELEGRAM, VK, PHONE, API, AGENT
}
