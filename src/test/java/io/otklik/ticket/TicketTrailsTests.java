package io.otklik.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.otklik.ApiTest;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerSegments;
import io.otklik.customer.NewCustomer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A ticket's trail as service levels read it: values as opened, field changes and public messages in order. */
class TicketTrailsTests extends ApiTest {

    @Autowired TicketTrails trails;
    @Autowired Categories categories;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerSegments segments;
    @Autowired CustomerTickets customerTickets;

    @Test
    void readsTheValuesAsOpenedAndEveryChangeAndPublicMessageInOrder() throws Exception {
        Staff agent = admin();
        long category = asAdmin(() -> categories.create(unique("Оплата")));
        TeamId team = team("Биллинг");
        CustomerId requester = customers.register(new NewCustomer("Ирина " + unique(""), unique("irina") + "@client.test",
                null, null));
        asAdmin(() -> {
            segments.putIn(requester, "VIP");
            return null;
        });
        long number = body(mvc.perform(postJson(agent, """
                        {"subject": "Двойное списание", "description": "Списали дважды.", "requesterId": %d,
                         "priority": "HIGH", "categoryId": %d}""".formatted(requester.value(), category),
                "/api/v1/tickets")).andExpect(status().isCreated()).andReturn()).get("number").asLong();
        mvc.perform(patchJson(agent, "{\"priority\": \"LOW\", \"teamId\": %d}".formatted(team.value()),
                "/api/v1/tickets/{n}", number)).andExpect(status().isOk());
        mvc.perform(postJson(agent, "{\"kind\": \"INTERNAL_NOTE\", \"body\": \"Проверить выписку.\"}",
                "/api/v1/tickets/{n}/messages", number)).andExpect(status().isCreated());
        long answer = body(mvc.perform(postJson(agent, """
                        {"kind": "PUBLIC_REPLY", "body": "Пришлите выписку, пожалуйста.", "statusAfter": "PENDING"}""",
                "/api/v1/tickets/{n}/messages", number)).andExpect(status().isCreated()).andReturn()).get("id")
                .asLong();
        long reply = customerTickets.reply(new TicketId(number), requester, "Вот выписка.", List.of(), Channel.EMAIL)
                .messageId();

        TicketTrail trail = trails.of(new TicketId(number)).orElseThrow();

        assertThat(trail.priority()).isEqualTo(Priority.HIGH);
        assertThat(trail.status()).isEqualTo(Status.NEW);
        assertThat(trail.categoryId()).isEqualTo(category);
        assertThat(trail.teamId()).isNull();
        assertThat(trail.channel()).isEqualTo(Channel.API);
        assertThat(trail.segments()).containsExactly("VIP");
        List<TicketTrail.Fact> facts = trail.facts();
        assertThat(facts).hasSize(8);
        assertThat(facts.get(0)).isInstanceOfSatisfying(TicketTrail.PublicMessage.class,
                m -> assertThat(m.author()).isEqualTo(Actor.Type.CUSTOMER));
        assertThat(facts.get(0).at()).isEqualTo(trail.createdAt());
        assertThat(facts.get(1)).isEqualTo(new TicketTrail.PriorityChange(facts.get(1).at(), Priority.HIGH,
                Priority.LOW));
        assertThat(facts.get(2)).isEqualTo(new TicketTrail.TeamChange(facts.get(1).at(), null, team.value()));
        // the answer first, then the status changes made with it
        assertThat(facts.get(3)).isEqualTo(new TicketTrail.PublicMessage(facts.get(3).at(), answer,
                Actor.Type.AGENT));
        assertThat(facts.get(4)).isEqualTo(new TicketTrail.StatusChange(facts.get(3).at(), Status.NEW,
                Status.OPEN));
        assertThat(facts.get(5)).isEqualTo(new TicketTrail.StatusChange(facts.get(3).at(), Status.OPEN,
                Status.PENDING));
        // the reopen first, then the customer's message that caused it
        assertThat(facts.get(6)).isEqualTo(new TicketTrail.StatusChange(facts.get(6).at(), Status.PENDING,
                Status.OPEN));
        assertThat(facts.get(7)).isEqualTo(new TicketTrail.PublicMessage(facts.get(6).at(), reply,
                Actor.Type.CUSTOMER));
        assertThat(facts).extracting(TicketTrail.Fact::at).isSorted();
    }

    @Test
    void readsManyTicketsAtOnceAndPagesThroughTheUnsolvedOnes() throws Exception {
        Staff agent = admin();
        long first = open(agent);
        long second = open(agent);
        long solved = open(agent);
        mvc.perform(patchJson(agent, "{\"status\": \"SOLVED\"}", "/api/v1/tickets/{n}", solved))
                .andExpect(status().isOk());

        assertThat(trails.of(List.of(new TicketId(first), new TicketId(second), new TicketId(Long.MAX_VALUE))))
                .containsOnlyKeys(new TicketId(first), new TicketId(second));
        List<TicketId> unsolved = trails.unsolvedAfter(new TicketId(first - 1), 2);
        assertThat(unsolved).containsExactly(new TicketId(first), new TicketId(second));
        assertThat(trails.unsolvedAfter(new TicketId(second), 100)).doesNotContain(new TicketId(solved));
    }

    private long open(Staff agent) throws Exception {
        return body(mvc.perform(postJson(agent, """
                        {"subject": "Вопрос", "description": "Текст.", "requester": {"email": "%s"}}"""
                        .formatted(unique("c") + "@client.test"), "/api/v1/tickets"))
                .andExpect(status().isCreated()).andReturn()).get("number").asLong();
    }
}
