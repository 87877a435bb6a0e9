package io.otklik.notification;

import java.util.Locale;

import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerAccounts;
import io.otklik.shared.SupportedLanguages;

import org.springframework.stereotype.Component;

/**
 * The language we write to a customer in: the one they chose in the portal (or wrote their first request in), else
 * Russian.
 */
@Component
class CustomerLanguages {

    private final CustomerAccounts accounts;

    CustomerLanguages(CustomerAccounts accounts) {
        this.accounts = accounts;
    }

    Locale of(CustomerId customer) {
        return accounts.languageOf(customer.value()).map(SupportedLanguages::nearest)
                .orElse(SupportedLanguages.RUSSIAN);
    }
}
