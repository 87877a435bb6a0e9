package io.otklik.customer.rest;

import java.util.List;

import io.otklik.customer.CustomField;
import io.otklik.customer.CustomFieldType;

/**
 * A custom field of customers. Values are written as text: NUMBER as a decimal ("1500.5"), DATE as yyyy-mm-dd,
 * CHOICE as one of {@code options}.
 */
record FieldResponse(String key, String name, CustomFieldType type, List<String> options) {

    static FieldResponse of(CustomField field) {
        return new FieldResponse(field.key(), field.name(), field.type(), field.options());
    }
}
