package io.otklik.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Custom field values are checked against their type and written down in one form. */
class CustomFieldTypeTests {

    @Test
    void numbersAreWrittenAsPlainDecimals() {
        assertThat(CustomFieldType.NUMBER.canonical(" 1 500,50 ", List.of())).isEqualTo("1500.50");
        assertThat(CustomFieldType.NUMBER.canonical("-3", List.of())).isEqualTo("-3");
        assertThatThrownBy(() -> CustomFieldType.NUMBER.canonical("12 шт.", List.of()))
                .hasMessage("customer.field.not-a-number");
        assertThatThrownBy(() -> CustomFieldType.NUMBER.canonical("1e9", List.of()))
                .hasMessage("customer.field.not-a-number");
    }

    @Test
    void datesAreTypedEitherWayAndWrittenAsIso() {
        assertThat(CustomFieldType.DATE.canonical("31.03.2025", List.of())).isEqualTo("2025-03-31");
        assertThat(CustomFieldType.DATE.canonical("2024-02-29", List.of())).isEqualTo("2024-02-29");
        assertThatThrownBy(() -> CustomFieldType.DATE.canonical("29.02.2025", List.of()))
                .hasMessage("customer.field.not-a-date");
        assertThatThrownBy(() -> CustomFieldType.DATE.canonical("завтра", List.of()))
                .hasMessage("customer.field.not-a-date");
    }

    @Test
    void aChoiceIsOneOfItsOptionsAndBlankIsNoValue() {
        List<String> plans = List.of("Старт", "Бизнес");
        assertThat(CustomFieldType.CHOICE.canonical("бизнес", plans)).isEqualTo("Бизнес");
        assertThatThrownBy(() -> CustomFieldType.CHOICE.canonical("Премиум", plans))
                .hasMessage("customer.field.not-an-option");
        assertThat(CustomFieldType.TEXT.canonical("   ", List.of())).isNull();
        assertThatThrownBy(() -> CustomFieldType.TEXT.canonical("я".repeat(1001), List.of()))
                .hasMessage("customer.field.too-long");
    }
}
