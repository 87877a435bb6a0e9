package io.otklik.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Fills a template with sample values so an admin sees the mail before saving it. */
@Component
public class NotificationPreview {

    private final MessageSource messages;
    private final Notices notices;
    private final Clock clock;
    private final ZoneId zone;
    private final String publicUrl;

    NotificationPreview(MessageSource messages, Notices notices, Clock clock, @Value("${otklik.time-zone}") String zone,
            @Value("${otklik.public-url}") String publicUrl) {
        this.messages = messages;
        this.notices = notices;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.publicUrl = publicUrl;
    }

    /** A rendered mail: subject, plain text and the HTML part. */
    public record Mail(String subject, String text, String html) {
    }

    public Mail render(NotificationKind kind, Locale language, String subject, String body) {
        Map<String, String> values = new HashMap<>();
        for (String variable : kind.variables()) {
            values.put(variable, messages.getMessage("notification.sample." + variable, null, variable, language));
        }
        values.put("team.name", notices.teamName(language));
        values.put("answer.by", AnswerTime.format(clock.instant().plus(Duration.ofHours(2)), clock.instant(), zone,
                language));
        values.put("due.at", AnswerTime.format(clock.instant().plus(Duration.ofMinutes(30)), clock.instant(), zone,
                language));
        values.put("answer.before", AnswerTime.format(clock.instant().plus(Duration.ofHours(5)), clock.instant(), zone,
                language));
        for (String link : new String[] {"ticket.link", "confirm.link", "reopen.link", "sign-in.link"}) {
            values.put(link, publicUrl + "/portal/tickets/1042");
        }
        String text = TemplateText.fill(body, values);
        return new Mail(TemplateText.oneLine(TemplateText.fill(subject, values)), text,
                TemplateText.html(text, language.getLanguage()));
    }

    public static Set<String> unknownVariables(NotificationKind kind, String subject, String body) {
        return TemplateText.unknownVariables((subject == null ? "" : subject) + "\n" + (body == null ? "" : body),
                kind.variables());
    }
}
