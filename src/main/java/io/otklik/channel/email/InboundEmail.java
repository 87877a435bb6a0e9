package io.otklik.channel.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.otklik.channel.InboundChannel;
import io.otklik.channel.InboundMessage;
import io.otklik.ticket.Channel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Email in: raw mails (as fetched over IMAP or kept in the raw store) read by {@link MailParser}. Our own
 * Message-IDs are recognised by the domain of {@code otklik.mail.from}; {@code otklik.mail.inbound.max-size}
 * (25MB unless set) bounds what one mail keeps.
 */
@Component
class InboundEmail implements InboundChannel {

    private final MailParser parser;

    InboundEmail(MailSettings settings, @Value("${otklik.mail.inbound.max-size:25MB}") DataSize maxSize) {
        this.parser = new MailParser(domainOf(settings.from()), maxSize.toBytes());
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public InboundMessage parse(byte[] raw) {
        return parser.parse(raw);
    }

    @Override
    public String externalId(byte[] raw) {
        String id = MailParser.plainMessageId(raw);
        return id != null ? id : parser.parse(raw).externalId();
    }

    static String domainOf(String from) {
        try {
            String address = new InternetAddress(from.strip(), false).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalStateException("otklik.mail.from is not a mail address: " + from, e);
        }
    }
}
