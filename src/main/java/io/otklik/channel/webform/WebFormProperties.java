package io.otklik.channel.webform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public web form's settings. {@code embedOrigins} are the sites that may show the form in a frame (CSP
 * {@code frame-ancestors} values, {@code *} for any). A form sent sooner than {@code minFillTime} after it was
 * shown, or later than {@code formLifetime}, is shown again instead of being taken. {@code limits} cap how many
 * requests one client address and one email address may send per {@code window}.
 */
@ConfigurationProperties("otklik.webform")
record WebFormProperties(List<String> embedOrigins, Duration minFillTime, Duration formLifetime, Limits limits) {

    WebFormProperties {
        embedOrigins = embedOrigins == null || embedOrigins.isEmpty() ? List.of("*")
                : embedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        minFillTime = minFillTime == null ? Duration.ofSeconds(2) : minFillTime;
        formLifetime = formLifetime == null ? Duration.ofHours(12) : formLifetime;
        limits = limits == null ? new Limits(null, 0, 0) : limits;
    }

    record Limits(Duration window, int perClientAddress, int perEmail) {

        Limits {
            window = window == null || window.isZero() || window.isNegative() ? Duration.ofHours(1) : window;
            perClientAddress = perClientAddress <= 0 ? 10 : perClientAddress;
            perEmail = perEmail <= 0 ? 5 : perEmail;
        }
    }
}
