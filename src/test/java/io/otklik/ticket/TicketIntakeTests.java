package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;

/** A request becomes a numbered ticket whose conversation starts with the customer's words and files. */
@SpringBootTest
class TicketIntakeTests extends PostgresTest {

    @Autowired
    TicketIntake intake;

    @Autowired
    TicketQueries queries;

    @Autowired
    Conversations conversations;

    @Autowired
    CustomerDirectory customers;

    @Test
    void opensATicketWithTheCustomersMessageAndAttachment() {
        CustomerId requester = customers.register(new NewCustomer("Иван Петров",
                "ivan-" + TestStaff.unique() + "@romashka.example", null, null));

        TicketId ticket = intake.open(new NewTicket("Не могу войти", "Пишет «неверный пароль».", requester,
                Channel.EMAIL, Priority.HIGH, null, null, null, Set.of("Вход"), List.of(new NewAttachment("error.log",
                        "text/plain", new ByteArrayResource("ERROR login".getBytes(StandardCharsets.UTF_8))))));

        TicketDetails details = queries.details(ticket);
        assertThat(details.status()).isEqualTo(Status.NEW);
        assertThat(details.requester().id()).isEqualTo(requester);
        assertThat(details.tags()).containsExactly("вход");
        List<MessageView> messages = conversations.of(ticket);
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("Пишет «неверный пароль».");
            assertThat(message.author().type()).isEqualTo(Actor.Type.CUSTOMER);
            assertThat(message.attachments()).extracting(AttachmentView::fileName).containsExactly("error.log");
        });
    }
}
