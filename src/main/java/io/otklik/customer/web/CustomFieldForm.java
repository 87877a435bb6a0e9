package io.otklik.customer.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.otklik.customer.CustomField;
import io.otklik.customer.CustomFieldType;
import io.otklik.customer.CustomerFields;

/** The form that adds a custom field of customers; a choice's options are typed one per line. */
record CustomFieldForm(
        @NotBlank(message = "{customer.field.key-invalid}")
        @Pattern(regexp = "\\s*[a-zA-Z][a-zA-Z0-9_-]{0,39}\\s*", message = "{customer.field.key-invalid}")
        String key,
        @NotBlank(message = "{customer.field.name-required}")
        @Size(max = CustomerFields.MAX_NAME_LENGTH, message = "{customer.field.name-too-long}")
        String name,
        @NotNull(message = "{customer.field.type-required}") CustomFieldType type,
        @Size(max = 4000, message = "{customer.field.options-too-long}") String options) {

    static CustomFieldForm empty() {
        return new CustomFieldForm("", "", CustomFieldType.TEXT, "");
    }

    CustomField toField() {
        List<String> lines = options == null ? List.of() : Arrays.stream(options.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return new CustomField(key.strip(), name.strip(), type, lines);
    }
}
