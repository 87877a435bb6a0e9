package io.otklik.channel.email;

/** Identifies a mailbox the email channel reads. */
public record MailAccountId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
