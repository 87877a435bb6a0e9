package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.otklik.channel.InboundAddress;
import io.otklik.channel.InboundAttachment;
import io.otklik.channel.InboundKind;
import io.otklik.channel.InboundMessage;
import io.otklik.channel.InboundNote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world mail in: every fixture under {@code src/test/resources/mail} read as an agent will see it, checked
 * against {@code expected.tsv} (subject, sender, an excerpt of the text, attachment names and sizes, the
 * classification and further checks). The fixtures were written for this project. The size limit is lowered to
 * 100 000 bytes so that the oversize fixture stays small.
 */
class MailParsingTests {

    static final long LIMIT = 100_000;
    private final MailParser parser = new MailParser("otklik.local", LIMIT);

    record Expected(String file, InboundKind kind, String sender, String subject, String excerpt,
            List<String> attachments, List<String> checks) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> fixtures() throws IOException {
        return lines().stream().map(line -> {
            String[] columns = Arrays.copyOf(line.split("\t", -1), 7);
            return new Expected(columns[0], InboundKind.valueOf(columns[1]), columns[2], columns[3], columns[4],
                    split(columns[5], ", "), split(columns[6], " ;; "));
        });
    }

    /** The id a mail is stored under is read without parsing the mail when it can be; it is the same id. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theQuickIdIsTheParsedId(Expected expected) throws IOException {
        byte[] raw = read(expected.file());
        String quick = MailParser.plainMessageId(raw);
        if (quick != null) {
            assertThat(quick).isEqualTo(parser.parse(raw).externalId());
        }
    }

    @Test
    void mostMailHasAQuickId() throws IOException {
        long quick = fixtures().filter(e -> {
            try {
                return MailParser.plainMessageId(read(e.file())) != null;
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).count();
        assertThat(quick).as("fixtures with a quick id").isGreaterThan(fixtures().count() / 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureReadsAsExpected(Expected expected) throws IOException {
        InboundMessage message = parser.parse(read(expected.file()));

        assertThat(message.kind()).as("classification").isEqualTo(expected.kind());
        assertThat(message.from().address()).as("sender").isEqualTo(expected.sender());
        assertThat(message.subject()).as("subject").isEqualTo(expected.subject());
        assertThat(flat(message.text())).as("text body").contains(flat(expected.excerpt()));
        assertThat(message.text()).as("no undecodable characters").doesNotContain("\uFFFD");
        assertThat(message.attachments()).as("attachments").map(a -> a.fileName() + ":" + a.size())
                .containsExactlyElementsOf(expected.attachments());
        assertThat(message.externalId()).as("an id").isNotBlank();
        for (String check : expected.checks()) {
            check(message, check);
        }
        if (expected.kind() == InboundKind.BOUNCE) {
            assertThat(message.bounce()).as("bounce report").isNotNull();
        } else {
            assertThat(message.bounce()).as("bounce report").isNull();
        }
    }

    private static void check(InboundMessage message, String check) {
        int equals = check.indexOf('=');
        String key = check.substring(0, equals);
        String value = check.substring(equals + 1);
        switch (key) {
            case "note" -> assertThat(message.notes()).as(check).map(InboundNote::reason)
                    .contains(InboundNote.Reason.valueOf(value));
            case "no-note" -> assertThat(message.notes()).as(check).map(InboundNote::reason)
                    .doesNotContain(InboundNote.Reason.valueOf(value));
            case "note-has" -> assertThat(message.notes()).as(check).map(InboundNote::toString)
                    .anySatisfy(note -> assertThat(note).contains(value));
            case "html" -> assertThat(message.html()).as(check).isNull();
            case "html-has" -> assertThat(message.html()).as(check).contains(value);
            case "html-lacks" -> assertThat(message.html()).as(check).doesNotContainIgnoringCase(value);
            case "text-has" -> assertThat(flat(message.text())).as(check).contains(flat(value));
            case "text-lacks" -> assertThat(message.text()).as(check).doesNotContain(value);
            case "name" -> assertThat(message.from().name()).as(check).isEqualTo(value);
            case "date" -> assertThat(message.sentAt()).as(check).isEqualTo(Instant.parse(value));
            case "id-prefix" -> assertThat(message.externalId()).as(check).startsWith(value);
            case "in-reply-to" -> assertThat(message.inReplyTo()).as(check).isEqualTo(value);
            case "references" -> assertThat(message.references()).as(check).containsExactly(value.split(" "));
            case "to" -> assertThat(message.to()).as(check).map(InboundAddress::address)
                    .containsExactly(value.split(","));
            case "cc" -> assertThat(message.cc()).as(check).map(InboundAddress::address)
                    .containsExactly(value.split(","));
            case "inline" -> assertThat(message.attachments()).as(check)
                    .filteredOn(a -> a.fileName().equals(value)).singleElement()
                    .extracting(InboundAttachment::inline).isEqualTo(true);
            case "cid" -> {
                String[] parts = value.split("=", 2);
                assertThat(message.attachments()).as(check).filteredOn(a -> a.fileName().equals(parts[0]))
                        .singleElement().extracting(InboundAttachment::contentId).isEqualTo(parts[1]);
            }
            case "bounce-of" -> assertThat(message.bounce().originalMessageId()).as(check).isEqualTo(value);
            case "bounce-to" -> assertThat(message.bounce().failedRecipient()).as(check).isEqualTo(value);
            case "diagnostic-has" -> assertThat(message.bounce().diagnostic()).as(check).contains(value);
            default -> throw new IllegalArgumentException("Unknown check " + check);
        }
    }

    @Test
    void everyFixtureHasItsExpectationsAndThereAreAtLeastForty() throws IOException, URISyntaxException {
        Path folder = Path.of(MailParsingTests.class.getResource("/mail/expected.tsv").toURI()).getParent();
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".eml"))
                    .sorted().toList();
        }
        assertThat(fixtures().map(Expected::file).sorted().toList()).isEqualTo(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(fixtures().map(Expected::kind).distinct()).containsExactlyInAnyOrder(InboundKind.values());
    }

    @Test
    void theSameMailReadTwiceGivesTheSameMessage() throws IOException {
        for (String file : List.of("05-nested-multipart.eml", "30-missing-message-id.eml")) {
            InboundMessage first = parser.parse(read(file));
            InboundMessage second = parser.parse(read(file));
            assertThat(second.externalId()).isEqualTo(first.externalId());
            assertThat(second.text()).isEqualTo(first.text());
        }
    }

    @Test
    void withAGenerousLimitTheOversizeMailKeepsEverything() throws IOException {
        InboundMessage message = new MailParser("otklik.local", 25L * 1024 * 1024).parse(read("34-oversize.eml"));
        assertThat(message.attachments()).hasSize(2);
        assertThat(message.noted(InboundNote.Reason.ATTACHMENT_DROPPED)).isFalse();
    }

    @Test
    void anythingAtAllIsReadWithoutFailing() {
        for (String raw : List.of("", "\r\n\r\n", "garbage without headers", "Subject: только тема",
                "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/html\r\n\r\n<p>a")) {
            InboundMessage message = parser.parse(raw.getBytes(StandardCharsets.UTF_8));
            assertThat(message.externalId()).isNotBlank();
            assertThat(message.text()).isNotNull();
        }
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = MailParsingTests.class.getResourceAsStream("/mail/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> lines() throws IOException {
        return new String(read("expected.tsv"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static List<String> split(String value, String separator) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(separator));
    }

    private static String flat(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
