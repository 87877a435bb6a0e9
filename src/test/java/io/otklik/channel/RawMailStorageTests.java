package io.otklik.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.ticket.Channel;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Raw mail on PostgreSQL is compressed with lz4 (the PostgreSQL-only migration in db/vendor/postgresql) and comes
 * back exactly as it arrived.
 */
@SpringBootTest
class RawMailStorageTests extends PostgresTest {

    @Autowired InboundIntake intake;
    @Autowired JdbcClient jdbc;

    @Test
    void rawMailIsStoredWithLz4AndReadBackByteForByte() {
        long account = jdbc.sql("select id from mail_account where sandbox").query(Long.class).single();
        String body = "Добрый день! Не работает вход в личный кабинет. ".repeat(200);
        byte[] raw = ("From: Клиент <raw-" + TestStaff.unique() + "@client.test>\r\nTo: support@otklik.local\r\n"
                + "Subject: Вход\r\nMessage-ID: <" + TestStaff.unique() + "@client.test>\r\n"
                + "Date: Mon, 23 Nov 2026 12:00:00 +0300\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
                + "\r\n").getBytes(StandardCharsets.UTF_8);

        InboundReceipt receipt = intake.receive(Channel.EMAIL, account, ArrivedVia.API, raw);

        assertThat(intake.original(receipt.id())).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(raw));
        assertThat(jdbc.sql("select pg_column_compression(raw) from inbound_message where id = :id")
                .param("id", receipt.id()).query(String.class).single()).isEqualTo("lz4");
    }
}
