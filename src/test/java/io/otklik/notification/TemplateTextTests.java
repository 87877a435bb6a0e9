package io.otklik.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTextTests {

    @Test
    void fillsPlaceholdersAndLeavesMissingValuesEmpty() {
        String text = TemplateText.fill("Здравствуйте, {{customer.name}}! Номер {{ ticket.reference }}.{{answer.by}}",
                Map.of("customer.name", "Анна", "ticket.reference", "OTK-1042"));

        assertThat(text).isEqualTo("Здравствуйте, Анна! Номер OTK-1042.");
    }

    @Test
    void valuesWithDollarsAndBackslashesAreInsertedAsTheyAre() {
        assertThat(TemplateText.fill("{{reply.text}}", Map.of("reply.text", "costs $5 \\ month")))
                .isEqualTo("costs $5 \\ month");
    }

    @Test
    void namesVariablesTheKindDoesNotHave() {
        assertThat(TemplateText.unknownVariables("{{customer.name}} {{answer.by}} {{secret}} {{secret}}",
                NotificationKind.AGENT_REPLY.variables())).containsExactly("answer.by", "secret");
    }

    @Test
    void htmlPartShowsWhatCustomersTypedAsText() {
        String text = TemplateText.fill("Тема: {{ticket.subject}}\nhttps://help.example.com/portal/tickets/1?a=1&b=2",
                Map.of("ticket.subject", "<script>alert(1)</script> & <b>bold</b>"));

        String html = TemplateText.html(text, "ru");

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .contains("<a href=\"https://help.example.com/portal/tickets/1?a=1&amp;b=2\">");
    }

    @Test
    void htmlPartKeepsParagraphsAndLineBreaks() {
        String html = TemplateText.html("Первая строка\nвторая\n\nНовый абзац", "ru");

        assertThat(html).contains("Первая строка<br>вторая</p>").contains(">Новый абзац</p>");
    }

    @Test
    void subjectIsOneLine() {
        assertThat(TemplateText.oneLine("[OTK-1] Не работает\r\nпочта ")).isEqualTo("[OTK-1] Не работает почта");
    }

    @Test
    void everyKindHasTheCommonVariables() {
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(kind.variables()).containsAll(List.of("customer.name", "ticket.reference", "ticket.link"));
        }
    }
}
