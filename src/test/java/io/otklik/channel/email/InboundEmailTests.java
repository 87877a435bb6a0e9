package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.otklik.channel.InboundKind;
import io.otklik.ticket.Channel;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class InboundEmailTests {

    @Test
    void ourOwnMailsAreKnownByTheDomainOfTheSupportAddress() {
        InboundEmail email = new InboundEmail(new MailSettings("Поддержка <help@desk.example>", null, null, null),
                DataSize.ofMegabytes(25));
        String ours = "Message-ID: <ticket-5.0123456789abcdef0123456789abcdef@desk.example>\r\nFrom: help@desk.example"
                + "\r\nSubject: x\r\n\r\ntext";
        String elsewhere = ours.replace("@desk.example>", "@otklik.local>");

        assertThat(email.channel()).isEqualTo(Channel.EMAIL);
        assertThat(email.parse(ours.getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(InboundKind.OWN_NOTIFICATION);
        assertThat(email.parse(elsewhere.getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(InboundKind.NORMAL);
    }

    @Test
    void theSupportAddressDomainIsTakenFromADisplayNameAddress() {
        assertThat(InboundEmail.domainOf(MailSettings.DEFAULT_FROM)).isEqualTo("otklik.local");
    }
}
