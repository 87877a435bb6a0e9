package io.otklik.channel;

/** A sender or recipient: the address as written (never null, may be blank when unreadable) and the display name. */
public record InboundAddress(String address, String name) {

    public InboundAddress {
        address = address == null ? "" : address.strip();
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** {@code Name <address>}, or the address alone. */
    @Override
    public String toString() {
        return name == null ? address : name + " <" + address + ">";
    }
}
