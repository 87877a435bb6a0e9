package io.otklik.channel;

/**
 * The sandbox mail server running inside the application (the embedded default): every outgoing mail lands in it.
 * There is no such bean when a real SMTP server is configured.
 */
public interface MailSandbox {

    /** How many mails reached the sandbox since the application started (the newest ones are kept). */
    int mailCount();
}
