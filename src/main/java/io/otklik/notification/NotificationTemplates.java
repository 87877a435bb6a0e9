package io.otklik.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.otklik.identity.Accounts;
import io.otklik.identity.Audit;
import io.otklik.shared.RuleViolationException;
import io.otklik.shared.SupportedLanguages;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification templates: the ones shipped with the product ({@code notification/templates/<lang>/<kind>.txt},
 * first line the subject, then a blank line and the body) and the ones admins edited, which take their place.
 */
@Service
public class NotificationTemplates {

    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Accounts accounts;
    private final Audit audit;
    private final Map<String, String[]> shipped = new ConcurrentHashMap<>();
    /** Templates as notices use them, each read at most every {@link #FRESH}: one query less per notice. */
    private final Map<String, Read> forNotices = new ConcurrentHashMap<>();

    /** How old a template a notice may use: an edit on another node reaches this one's notices within it. */
    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(2);

    private record Read(NotificationTemplate template, long atNanos) {
    }

    NotificationTemplates(JdbcClient jdbc, Clock clock, Accounts accounts, Audit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Every kind in every language, in the order of the kinds. */
    @Transactional(readOnly = true)
    public List<NotificationTemplate> all() {
        List<NotificationTemplate> all = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (Locale language : SupportedLanguages.ALL) {
                all.add(template(kind, language));
            }
        }
        return all;
    }

    @Transactional(readOnly = true)
    public NotificationTemplate template(NotificationKind kind, Locale language) {
        Locale lang = SupportedLanguages.nearest(language);
        Optional<NotificationTemplate> edited = jdbc.sql("""
                select subject, body, updated_at, updated_by from notification_template
                where kind = :kind and language = :language""")
                .param("kind", kind.name()).param("language", lang.getLanguage())
                .query((rs, n) -> new NotificationTemplate(kind, lang, rs.getString("subject"), rs.getString("body"),
                        true, rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional();
        return edited.orElseGet(() -> shipped(kind, lang));
    }

    /**
     * The template a notice is written with: as {@link #template}, but read from the database at most every
     * {@link #FRESH} — and at once after an edit saved on this node.
     */
    NotificationTemplate forNotice(NotificationKind kind, Locale language) {
        String key = kind.name() + "/" + SupportedLanguages.nearest(language).getLanguage();
        long now = System.nanoTime();
        Read read = forNotices.get(key);
        if (read == null || now - read.atNanos() > FRESH.toNanos()) {
            read = new Read(template(kind, language), now);
            forNotices.put(key, read);
        }
        return read.template();
    }

    /** Edits are used by the next notice: what was read before is dropped now and again once the edit commits. */
    private void edited() {
        forNotices.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forNotices.clear();
                }
            });
        }
    }

    /** The template shipped with the product, whatever admins did to it. */
    public NotificationTemplate shipped(NotificationKind kind, Locale language) {
        Locale lang = SupportedLanguages.nearest(language);
        String[] parts = shipped.computeIfAbsent(lang.getLanguage() + "/" + kind.slug(), this::read);
        return new NotificationTemplate(kind, lang, parts[0], parts[1], false, null, null);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void save(NotificationKind kind, Locale language, String subject, String body) {
        checkText(kind, subject, body);
        Locale lang = SupportedLanguages.nearest(language);
        String by = accounts.current().map(user -> user.login()).orElse(null);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update notification_template set subject = :subject, body = :body, updated_at = :at, updated_by = :by
                where kind = :kind and language = :language""")
                .param("subject", subject.strip()).param("body", body.strip()).param("at", java.sql.Timestamp.from(now))
                .param("by", by).param("kind", kind.name()).param("language", lang.getLanguage()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into notification_template (kind, language, subject, body, updated_at, updated_by)
                    values (:kind, :language, :subject, :body, :at, :by)""")
                    .param("subject", subject.strip()).param("body", body.strip())
                    .param("at", java.sql.Timestamp.from(now)).param("by", by).param("kind", kind.name())
                    .param("language", lang.getLanguage()).update();
        }
        audit.record("notification.template.saved", kind.name() + "/" + lang.getLanguage());
        edited();
    }

    /** Goes back to the shipped template. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void reset(NotificationKind kind, Locale language) {
        Locale lang = SupportedLanguages.nearest(language);
        jdbc.sql("delete from notification_template where kind = :kind and language = :language")
                .param("kind", kind.name()).param("language", lang.getLanguage()).update();
        audit.record("notification.template.reset", kind.name() + "/" + lang.getLanguage());
        edited();
    }

    /** Refuses an empty or too long text, or one with a variable the kind does not have. */
    static void checkText(NotificationKind kind, String subject, String body) {
        if (subject == null || subject.isBlank()) {
            throw new RuleViolationException("notification.template.subject-required");
        }
        if (body == null || body.isBlank()) {
            throw new RuleViolationException("notification.template.body-required");
        }
        if (subject.length() > MAX_SUBJECT || body.length() > MAX_BODY) {
            throw new RuleViolationException("notification.template.too-long", MAX_SUBJECT, MAX_BODY);
        }
        var unknown = TemplateText.unknownVariables(subject + "\n" + body, kind.variables());
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("notification.template.unknown-variable",
                    "{{" + String.join("}}, {{", unknown) + "}}");
        }
    }

    private String[] read(String path) {
        ClassPathResource resource = new ClassPathResource("notification/templates/" + path + ".txt");
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int lineEnd = text.indexOf('\n');
            String first = text.substring(0, lineEnd);
            String subject = first.substring(first.indexOf(':') + 1).strip();
            return new String[] {subject, text.substring(lineEnd + 1).strip()};
        } catch (IOException e) {
            throw new UncheckedIOException("No shipped template " + path, e);
        }
    }
}
