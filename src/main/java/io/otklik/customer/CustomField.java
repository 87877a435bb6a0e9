package io.otklik.customer;

import java.util.List;

/** A field every customer's card has: its key (for the API), name, type and, for a choice, its options. */
public record CustomField(String key, String name, CustomFieldType type, List<String> options) {

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
