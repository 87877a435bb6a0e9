package io.otklik.channel.email;

import java.nio.charset.StandardCharsets;

import io.otklik.TestStaff;
import io.otklik.channel.ChannelAdapterContract;
import io.otklik.channel.InboundChannel;
import io.otklik.channel.OutboundChannel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The email adapter against the contract every channel adapter fulfils. */
@SpringBootTest
class EmailChannelContractTests extends ChannelAdapterContract {

    @Autowired InboundEmail inboundEmail;
    @Autowired EmailChannel emailChannel;
    @Autowired SandboxMailServer sandbox;

    @Override
    protected InboundChannel inbound() {
        return inboundEmail;
    }

    @Override
    protected OutboundChannel outbound() {
        return emailChannel;
    }

    @Override
    protected long account() {
        return jdbc.sql("select id from mail_account where sandbox").query(Long.class).single();
    }

    @Override
    protected String newCustomerAddress() {
        return "contract-" + TestStaff.unique() + "@client.test";
    }

    @Override
    protected int received(String customerAddress, String messageId) throws Exception {
        return (int) SandboxMailboxes.inbox(sandbox, customerAddress).stream().filter(mail -> {
            try {
                return messageId.equals(mail.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    @Override
    protected byte[] newRequest(String customerAddress, String text) {
        return InboundMailTests.mail(customerAddress, "Клиент", "Обращение " + TestStaff.unique(),
                "<" + TestStaff.unique() + "@client.test>", null, text);
    }

    @Override
    protected byte[] answerTo(String ourMessageId, String customerAddress, String text) {
        return ("From: " + customerAddress + "\r\nTo: support@otklik.local\r\nSubject: Re: ответ\r\n"
                + "Message-ID: <" + TestStaff.unique() + "@client.test>\r\nIn-Reply-To: " + ourMessageId + "\r\n"
                + "Date: Mon, 23 Nov 2026 12:00:00 +0300\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
