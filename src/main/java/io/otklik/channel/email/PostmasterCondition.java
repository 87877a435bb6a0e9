package io.otklik.channel.email;

/**
 * One test a postmaster rule makes of an incoming mail: which part of it ({@link Field}), how ({@link Operator}) and
 * against what. Matching ignores case. {@code header} names the header for {@link Field#HEADER} (its case does
 * not matter) and is empty otherwise; texts are kept stripped, never null.
 */
public record PostmasterCondition(Field field, String header, Operator operator, String value) {

    public PostmasterCondition {
        header = header == null ? "" : header.strip();
        value = value == null ? "" : value.strip();
    }

    public static PostmasterCondition of(Field field, Operator operator, String value) {
        return new PostmasterCondition(field, "", operator, value);
    }

    public static PostmasterCondition header(String header, Operator operator, String value) {
        return new PostmasterCondition(Field.HEADER, header, operator, value);
    }

    /** The part of the mail a condition looks at. */
    public enum Field {
        /** The sender: the address or the display name. */
        FROM,
        /** Any To recipient: the address or the display name. */
        TO,
        /** Any Cc recipient: the address or the display name. */
        CC,
        SUBJECT,
        /** The plain text of the body (the HTML body's text when there is no plain one). */
        BODY,
        /** Every value of the named header, decoded. */
        HEADER
    }

    /**
     * How the value is compared. On a field with several values (recipients, a repeated header) the positive
     * operators hold when one value does, {@link #NOT_CONTAINS} when none contains the text.
     */
    public enum Operator {
        CONTAINS,
        NOT_CONTAINS,
        EQUALS,
        STARTS_WITH,
        ENDS_WITH,
        /** A Java regular expression found anywhere in the value ({@code ^…$} to match it all). */
        MATCHES
    }
}
