package io.otklik.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerSignIn;
import io.otklik.identity.CustomerSignInLinkRequested;
import io.otklik.shared.SupportedLanguages;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Mails the portal sign-in link a customer asked for, in the language of the page they asked on. */
@Component
class SendSignInLinks {

    private final CustomerDirectory customers;
    private final CustomerSignIn signIn;
    private final Notices notices;
    private final Notifier notifier;

    SendSignInLinks(CustomerDirectory customers, CustomerSignIn signIn, Notices notices, Notifier notifier) {
        this.customers = customers;
        this.signIn = signIn;
        this.notices = notices;
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(CustomerSignInLinkRequested event) {
        Locale language = SupportedLanguages.nearest(Locale.forLanguageTag(event.language()));
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", customers.card(new CustomerId(event.customerId())).name());
        values.put("team.name", notices.teamName(language));
        values.put("sign-in.link", notices.signInLink(event.token()));
        values.put("link.minutes", String.valueOf(signIn.linkValidity().toMinutes()));
        // The key names the link by a digest: the token itself is kept nowhere but in the mail.
        notifier.send(new Notice("sign-in:" + event.customerId() + ":" + digest(event.token()),
                NotificationKind.SIGN_IN_LINK, null, event.customerId(), event.email(),
                language, values, null));
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
