package io.otklik.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.otklik.PostgresTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every channel adapter must do, whatever the channel: each adapter's test extends this class and says how
 * its channel's messages look. Parsing is deterministic and never throws, whatever arrives; a message received
 * twice makes one ticket; our sends have unique ids; and a customer's answer to our send comes back onto its ticket.
 */
public abstract class ChannelAdapterContract extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired protected InboundIntake intake;
    @Autowired protected JdbcClient jdbc;

    /** The adapter's inbound side. */
    protected abstract InboundChannel inbound();

    /** The adapter's outbound side. */
    protected abstract OutboundChannel outbound();

    /** The account (mailbox, bot, page) messages are received on in these tests. */
    protected abstract long account();

    /** A customer's new request, as the channel delivers it; a new one (with new ids) on every call. */
    protected abstract byte[] newRequest(String customerAddress, String text);

    /** The customer's answer to one of our sends, as the channel would deliver it. */
    protected abstract byte[] answerTo(String ourMessageId, String customerAddress, String text);

    /** A customer's address on this channel, new on every call. */
    protected abstract String newCustomerAddress();

    /** How many of our sends with this id the customer at this address has received. */
    protected abstract int received(String customerAddress, String messageId) throws Exception;

    @Test
    void parsingIsDeterministic() {
        byte[] raw = newRequest(newCustomerAddress(), "Первое обращение");
        InboundMessage once = inbound().parse(raw);
        InboundMessage again = inbound().parse(raw.clone());
        assertThat(again.externalId()).isEqualTo(once.externalId());
        assertThat(again.text()).isEqualTo(once.text());
        assertThat(again.subject()).isEqualTo(once.subject());
        assertThat(again.from()).isEqualTo(once.from());
        assertThat(again.kind()).isEqualTo(once.kind());
        assertThat(once.externalId()).isNotBlank();
        assertThat(once.text()).contains("Первое обращение");
    }

    @Test
    void damagedInputNeverThrowsAndStillHasAnId() {
        byte[] raw = newRequest(newCustomerAddress(), "Текст, который порвётся");
        Random random = new Random(42);
        for (int cut : new int[] {1, raw.length / 5, raw.length / 3, raw.length / 2, raw.length - 1}) {
            byte[] damaged = Arrays.copyOf(raw, Math.max(1, cut));
            assertThatCode(() -> assertThat(inbound().parse(damaged).externalId()).isNotBlank())
                    .as("cut at %d", cut).doesNotThrowAnyException();
        }
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(2000)];
            random.nextBytes(noise);
            assertThatCode(() -> assertThat(inbound().parse(noise).externalId()).isNotBlank())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aMessageReceivedTwiceMakesOneTicket() {
        byte[] raw = newRequest(newCustomerAddress(), "Один раз, пожалуйста");
        InboundReceipt first = intake.receive(inbound().channel(), account(), ArrivedVia.API, raw);
        InboundReceipt second = intake.receive(inbound().channel(), account(), ArrivedVia.API, raw);
        assertThat(second).isEqualTo(new InboundReceipt(first.id(), true));
        await().atMost(WAIT).until(() -> intake.settled(first.id()));
        Long ticket = intake.ticketOf(first.id()).orElseThrow();
        assertThat(jdbc.sql("select count(*) from ticket_message where ticket_id = :t and origin is not null")
                .param("t", ticket).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void ourSendsHaveUniqueIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(outbound().newMessageId(i % 2 == 0 ? null : (long) i));
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void aBatchOfSendsHasOneOutcomeEachAndEachArrivesOnce() throws Exception {
        List<QueuedSend> sends = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sends.add(new QueuedSend(-i, outbound().channel(), null, null, List.of(newCustomerAddress()), List.of(),
                    "Ответ " + i, "Здравствуйте! Это ответ номер " + i + ".", null, outbound().newMessageId(null), null,
                    List.of(), 1));
        }
        Map<Long, RuntimeException> outcomes = new HashMap<>();
        outbound().deliverAll(sends, (send, failure) -> {
            assertThat(outcomes).as("one outcome per send").doesNotContainKey(send.id());
            outcomes.put(send.id(), failure);
        });
        assertThat(outcomes).containsOnlyKeys(-1L, -2L, -3L);
        assertThat(outcomes.values()).containsOnlyNulls();
        for (QueuedSend send : sends) {
            await().atMost(WAIT).until(() -> received(send.to().getFirst(), send.messageId()) == 1);
        }
    }

    @Test
    void theCustomersAnswerToOurSendComesBackOntoItsTicket() {
        String customer = newCustomerAddress();
        InboundReceipt request = intake.receive(inbound().channel(), account(), ArrivedVia.API,
                newRequest(customer, "Нужна помощь"));
        await().atMost(WAIT).until(() -> intake.settled(request.id()));
        long ticket = intake.ticketOf(request.id()).orElseThrow();
        // Our acknowledgement is queued with the ticket; the customer answers it.
        String ours = await().atMost(WAIT).until(() -> jdbc.sql(
                        "select message_id from outbox_entry where ticket_id = :t order by id limit 1")
                .param("t", ticket).query(String.class).optional(), Optional::isPresent).orElseThrow();
        InboundReceipt answer = intake.receive(inbound().channel(), account(), ArrivedVia.API,
                answerTo(ours, customer, "Вот ответ на ваш вопрос"));
        await().atMost(WAIT).until(() -> intake.settled(answer.id()));
        assertThat(intake.ticketOf(answer.id())).contains(ticket);
    }
}
