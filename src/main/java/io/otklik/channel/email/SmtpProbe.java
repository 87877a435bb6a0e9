package io.otklik.channel.email;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Connects to an SMTP server the way sending will (TLS as set), says hello and signs in when a user name is set,
 * then hangs up without sending anything; every failure is turned into one of a few plain reasons.
 */
@Component
class SmtpProbe {

    SmtpCheck check(SmtpServer server, SmtpCheck.Way way) {
        return check(server.sender(ImapProbe.TIMEOUT), way);
    }

    SmtpCheck check(JavaMailSenderImpl sender, SmtpCheck.Way way) {
        if (sender.getHost() == null) {
            return SmtpCheck.failed(ConnectionCheck.Problem.NO_SMTP_SERVER, way, null, null);
        }
        String server = sender.getHost() + ":" + sender.getPort();
        try {
            sender.testConnection();
            return SmtpCheck.succeeded(way, server, sender.getUsername() != null && !sender.getUsername().isEmpty());
        } catch (Exception e) {
            return SmtpCheck.failed(ConnectionCheck.problemOf(e), way, server, ConnectionCheck.detailOf(e));
        }
    }
}
