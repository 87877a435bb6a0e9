package io.otklik.channel.email;

/** How the connection to a mail server is protected: TLS from the first byte, upgraded by STARTTLS, or not at all. */
public enum MailSecurity {
    SSL, STARTTLS, NONE;

    /** The usual IMAP port for this kind of connection. */
    public int defaultImapPort() {
        return this == SSL ? 993 : 143;
    }

    /** The usual SMTP submission port for this kind of connection. */
    public int defaultSmtpPort() {
        return switch (this) {
            case SSL -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
    }
}
