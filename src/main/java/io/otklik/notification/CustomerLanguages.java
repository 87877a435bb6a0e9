package io.otklik.notification;

import java.util.Locale;

import io.otklik.customer.CustomerId;
import io.otklik.shared.SupportedLanguages;

import org.springframework.stereotype.Component;

/** The language we write to a customer in. */
@Component
class CustomerLanguages {

    Locale of(CustomerId customer) {
        return SupportedLanguages.RUSSIAN;
    }
}
