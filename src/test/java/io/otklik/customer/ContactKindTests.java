package io.otklik.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.shared.RuleViolationException;

import org.junit.jupiter.api.Test;

/** Addresses are compared in one written form, whatever way people type them. */
class ContactKindTests {

    @Test
    void phonesAreTheirDigitsWithALeadingPlusWhenOneWasWritten() {
        assertThat(ContactKind.PHONE.normalize(" +7 (495) 123-45-67 ")).isEqualTo("+74951234567");
        assertThat(ContactKind.PHONE.normalize("8 495 123.45.67")).isEqualTo("84951234567");
        assertThat(ContactKind.PHONE.checked("+7 921 555-01-17")).isEqualTo("+79215550117");
        assertThat(ContactKind.PHONE.normalize("  ")).isNull();
    }

    @Test
    void emailsAreInLowerCaseAndMessengerIdsAsGiven() {
        assertThat(ContactKind.EMAIL.checked("  Ivan.Petrov@Romashka.Example ")).isEqualTo("ivan.petrov@romashka.example");
        assertThat(ContactKind.TELEGRAM.checked(" @Ivan_Petrov ")).isEqualTo("@Ivan_Petrov");
        assertThat(ContactKind.VK.checked("id48213377")).isEqualTo("id48213377");
    }

    @Test
    void refusesWhatCannotBeAnAddressOfItsKind() {
        assertThatThrownBy(() -> ContactKind.PHONE.checked("123")).isInstanceOf(RuleViolationException.class)
                .hasMessage("customer.contact.invalid.phone");
        assertThatThrownBy(() -> ContactKind.PHONE.checked("+7 495 CALL-NOW")).hasMessage("customer.contact.invalid.phone");
        assertThatThrownBy(() -> ContactKind.PHONE.checked("7 495 123 45 67 +1")).hasMessage("customer.contact.invalid.phone");
        assertThatThrownBy(() -> ContactKind.EMAIL.checked("ivan@")).hasMessage("customer.contact.invalid.email");
        assertThatThrownBy(() -> ContactKind.TELEGRAM.checked("Ivan Petrov")).hasMessage("customer.contact.invalid.telegram");
        assertThatThrownBy(() -> ContactKind.VK.checked(" ")).hasMessage("customer.contact.required");
        assertThatThrownBy(() -> ContactKind.EMAIL.checked("a@" + "b".repeat(320)))
                .hasMessage("customer.contact.too-long");
    }
}
