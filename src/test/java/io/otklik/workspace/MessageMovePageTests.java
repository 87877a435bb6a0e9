package io.otklik.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.CustomerTickets;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The ticket page's message tools as an agent uses them: moving a message to another ticket, splitting one off into
 * a new ticket, what is refused and why; and how a message says why it is on the ticket, links to its original, and
 * folds the quoted history of a mail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MessageMovePageTests extends PostgresTest {

    @Autowired MockMvc mvc;
    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;
    @Autowired TicketQueries tickets;
    @Autowired TicketUpdates updates;
    @Autowired Conversations conversations;
    @Autowired CustomerTickets customerTickets;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private String unique;
    private TeamId network;
    private TeamId billing;
    private String supervisor;
    private String english;
    private String restricted;
    private CustomerId customer;

    @BeforeEach
    void staff() {
        unique = TestStaff.unique();
        network = TestStaff.asAdmin(() -> agents.createTeam("Сеть " + unique, SupportLine.L1));
        billing = TestStaff.asAdmin(() -> agents.createTeam("Биллинг " + unique, SupportLine.L1));
        supervisor = TestStaff.add(agents, Role.SUPERVISOR, TicketScope.ALL, Set.of(), Locale.of("ru"));
        english = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.ENGLISH);
        restricted = TestStaff.add(agents, Role.AGENT, TicketScope.OWN_TEAMS, Set.of(network), Locale.of("ru"));
        customer = customers.register(new NewCustomer("Олег " + unique, "oleg-" + unique + "@client.test", null,
                null));
    }

    @Test
    void agentMovesAMessageToAnotherTicketAndBothPagesSaySo() throws Exception {
        TicketId from = open("Принтер и VPN " + unique, network);
        TicketId to = open("VPN не подключается " + unique, network);
        long message = customerTickets.reply(from, customer, "А ещё VPN отваливается каждые 5 минут.",
                List.of(new NewAttachment("vpn.log", "text/plain", new ByteArrayResource("timeout".getBytes()))),
                Channel.EMAIL).messageId();

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/tickets/{n}/messages/{m}/move", from.value(), message).session(session)
                        .param("ticket", "OTK-" + to.value()).with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tickets/" + from.value() + "?moved=" + to.value()));
        // The page's conversation, reloaded by the live update of this very move before the browser follows the
        // redirect, must not take the note kept for the page.
        mvc.perform(get("/tickets/{n}?fragment=conversation", from.value()).session(session)
                .with(as(supervisor))).andExpect(status().isOk());
        Document source = Jsoup.parse(mvc.perform(get("/tickets/{n}?moved={m}", from.value(), to.value())
                .session(session).with(as(supervisor))).andReturn().getResponse().getContentAsString());
        assertThat(source.select("[data-testid=move-notice]").text())
                .isEqualTo("Сообщение перенесено в тикет OTK-" + to.value());
        assertThat(source.select("[data-testid=move-notice] a").attr("href")).isEqualTo("/tickets/" + to.value());
        assertThat(source.select("#conversation").text()).doesNotContain("VPN отваливается");
        assertThat(source.select("#history").text())
                .contains("перенёс(ла) сообщение в тикет OTK-" + to.value());
        assertThat(source.select("#links li").text()).contains("Передал сообщение в OTK-" + to.value());

        Document target = page(to, supervisor);
        Element article = target.selectFirst("article[data-message=" + message + "]");
        assertThat(article).isNotNull();
        assertThat(article.select(".message-text").text()).isEqualTo("А ещё VPN отваливается каждые 5 минут.");
        assertThat(article.select(".message-meta").text())
                .isEqualTo("Почему здесь: перенесено сюда из тикета OTK-" + from.value());
        assertThat(article.select(".attachments a").text()).isEqualTo("vpn.log");
        mvc.perform(get(article.select(".attachments a").attr("href")).with(as(supervisor)))
                .andExpect(status().isOk());
        assertThat(target.select("#history").text())
                .contains("перенёс(ла) сюда сообщение из тикета OTK-" + from.value());
        assertThat(target.select("#links li").text()).contains("Принял сообщение из OTK-" + from.value());
    }

    @Test
    void agentSplitsAMessageIntoANewTicket() throws Exception {
        TicketId from = open("Два вопроса " + unique, network);
        long message = customerTickets.reply(from, customer, "Второй вопрос: не приходят счета.", List.of(),
                Channel.EMAIL).messageId();

        MvcResult split = mvc.perform(post("/tickets/{n}/messages/{m}/split", from.value(), message)
                        .with(as(english)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        long created = (Long) split.getFlashMap().get("movedTo");
        assertThat(split.getResponse().getRedirectedUrl()).isEqualTo("/tickets/" + from.value() + "?moved=" + created);
        Document source = Jsoup.parse(mvc.perform(get("/tickets/{n}", from.value()).with(as(english))
                .flashAttrs(split.getFlashMap())).andReturn().getResponse().getContentAsString());
        assertThat(source.select("[data-testid=move-notice]").text())
                .isEqualTo("The message was split off into the new ticket OTK-" + created);
        assertThat(source.select("#history").text()).contains("split a message off into the new ticket OTK-" + created);
        assertThat(source.select("#links li").text()).contains("Split into OTK-" + created);

        Document opened = page(new TicketId(created), english);
        assertThat(opened.select("[data-testid=ticket-subject]").text()).isEqualTo("Два вопроса " + unique);
        assertThat(opened.select("article.message")).hasSize(1);
        assertThat(opened.select("article.message .message-meta").text())
                .isEqualTo("Why here: split off from ticket OTK-" + from.value());
        assertThat(opened.select("#history").text()).contains("opened this ticket from a message of ticket OTK-"
                + from.value());
        assertThat(opened.select("#links li").text()).contains("Split off from OTK-" + from.value());
        assertThat(tickets.details(new TicketId(created)).team()).isEqualTo(network);
        assertThat(tickets.details(new TicketId(created)).requester().id()).isEqualTo(customer);
    }

    @Test
    void refusalsAreShownAtTheMessageAndChangeNothing() throws Exception {
        TicketId single = open("Один вопрос " + unique, network);
        long only = conversations.of(single).getFirst().id();
        TicketId from = open("Откуда " + unique, network);
        long note = conversations.add(from, new NewMessage(MessageKind.INTERNAL_NOTE, "Заметка", List.of(), null));
        TicketId closed = open("Закрытый " + unique, network);
        updates.change(closed, TicketChanges.none().withStatus(Status.SOLVED), null);
        updates.change(closed, TicketChanges.none().withStatus(Status.CLOSED), null);

        assertRefused(single, only, "OTK-" + from.value(), "Это единственное сообщение тикета OTK-" + single.value()
                + ": без него тикет останется пустым, поэтому его нельзя перенести или выделить.");
        assertRefused(from, note, "OTK-" + from.value(),
                "Сообщение уже в тикете OTK-" + from.value() + ": укажите другой тикет.");
        assertRefused(from, note, String.valueOf(closed.value()), "Тикет OTK-" + closed.value()
                + " закрыт и не принимает сообщений. Выделите сообщение в новый тикет.");
        assertRefused(from, note, "987654321", "Тикет 987654321 не найден: проверьте номер.");
        assertRefused(from, note, "первый", "Укажите номер тикета, в который перенести сообщение, например 1042.");
        assertRefused(from, note, "", "Укажите номер тикета, в который перенести сообщение, например 1042.");

        String splitRefused = mvc.perform(post("/tickets/{n}/messages/{m}/split", single.value(), only)
                        .with(as(supervisor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(splitRefused).select("[data-testid=move-error]").text())
                .startsWith("Это единственное сообщение тикета OTK-" + single.value());

        assertThat(conversations.of(single)).hasSize(1);
        assertThat(conversations.of(from)).hasSize(2);
        assertThat(conversations.of(closed)).hasSize(1);
        assertThat(tickets.history(from)).noneMatch(h -> h.field().startsWith("message-"));
    }

    @Test
    void aRestrictedAgentMovesOnlyBetweenTicketsTheyMaySee() throws Exception {
        TicketId own = open("Своё " + unique, network);
        TicketId foreign = open("Чужое " + unique, billing);
        long ownNote = conversations.add(own, new NewMessage(MessageKind.INTERNAL_NOTE, "Своя", List.of(), null));
        long foreignNote = conversations.add(foreign, new NewMessage(MessageKind.INTERNAL_NOTE, "Чужая", List.of(),
                null));

        assertRefusedFor(restricted, own, ownNote, String.valueOf(foreign.value()),
                "Тикет " + foreign.value() + " не найден: проверьте номер.");
        mvc.perform(post("/tickets/{n}/messages/{m}/move", foreign.value(), foreignNote)
                        .param("ticket", String.valueOf(own.value())).with(as(restricted)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/tickets/{n}/messages/{m}/split", foreign.value(), foreignNote)
                        .with(as(restricted)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(conversations.of(own)).hasSize(2);
        assertThat(conversations.of(foreign)).hasSize(2);
    }

    @Test
    void eachMessageOffersMoveAndSplit() throws Exception {
        TicketId id = open("Меню " + unique, network);
        Document page = page(id, supervisor);
        Element menu = page.selectFirst("article.message [data-testid=message-menu]");
        assertThat(menu.select("summary").text()).isEqualTo("Перенести…");
        assertThat(menu.select("[data-testid=move-form] label").text()).isEqualTo("В тикет номер");
        assertThat(menu.select("[data-testid=split-form] button").text()).isEqualTo("Выделить в новый тикет");
        assertThat(menu.select("[data-testid=split-form]").attr("data-confirm"))
                .isEqualTo("Выделить это сообщение в новый тикет? Файлы сообщения перейдут вместе с ним.");
        Document en = page(id, english);
        assertThat(en.select("article.message [data-testid=message-menu] summary").text()).isEqualTo("Move…");
        assertThat(en.select("article.message [data-testid=split-form] button").text())
                .isEqualTo("Split into new ticket");
    }

    @Test
    void aQuotedReplyShowsOnlyTheNewTextWithTheQuoteFolded() throws Exception {
        TicketId id = open("Цитаты " + unique, network);
        long reply = customerTickets.reply(id, customer, """
                Спасибо, заработало.

                пн, 3 нояб. 2026 г. в 10:00, Поддержка <support@otklik.example>:
                > Перезагрузите роутер.

                --\s
                Олег""", List.of(), Channel.EMAIL).messageId();

        Document ru = page(id, supervisor);
        Element article = ru.selectFirst("article[data-message=" + reply + "]");
        assertThat(article.select(".message-text > .body").text()).isEqualTo("Спасибо, заработало.");
        Element quoted = article.selectFirst("details.quoted");
        assertThat(quoted).isNotNull();
        assertThat(quoted.hasAttr("open")).isFalse();
        assertThat(quoted.select("summary").text()).isEqualTo("Показать цитату");
        assertThat(quoted.select(".body").text()).contains("Перезагрузите роутер.", "Олег");
        assertThat(page(id, english).select("article[data-message=" + reply + "] details.quoted summary").text())
                .isEqualTo("Show quoted text");

        // The opening message has nothing quoted: nothing is folded.
        assertThat(ru.select("article.message").first().select("details.quoted")).isEmpty();
    }

    @Test
    void aMessageSaysWhyItIsHereAndLinksToItsOriginal() throws Exception {
        TicketId id = open("Почему здесь " + unique, network);
        long first = conversations.of(id).getFirst().id();
        long second = customerTickets.reply(id, customer, "Ответ", List.of(), Channel.EMAIL).messageId();
        long third = customerTickets.reply(id, customer, "Ещё ответ", List.of(), Channel.EMAIL).messageId();
        reason(first, "inbound:1042", "thread.new-ticket");
        reason(second, null, "thread.in-reply-to|<abc.42@otklik.example>");
        reason(third, "inbound:1044", "thread.something-new|x");

        Document ru = page(id, supervisor);
        Element opening = ru.selectFirst("article[data-message=" + first + "] .message-meta");
        assertThat(opening.text())
                .isEqualTo("Почему здесь: ничего подходящего не нашлось, поэтому открыт новый тикет Исходное письмо");
        assertThat(opening.select("a[data-testid=original-message]").attr("href")).isEqualTo("/inbound/1042/original");
        Element answer = ru.selectFirst("article[data-message=" + second + "] .message-meta");
        assertThat(answer.text()).isEqualTo("Почему здесь: ответ на письмо <abc.42@otklik.example> из этой переписки");
        assertThat(answer.select("a")).isEmpty();
        assertThat(ru.selectFirst("article[data-message=" + third + "] [data-testid=thread-reason]").text())
                .isEqualTo("thread.something-new|x");
        assertThat(page(id, english).selectFirst("article[data-message=" + second + "] .message-meta").text())
                .isEqualTo("Why here: a reply to message <abc.42@otklik.example> of this conversation");
        String html = mvc.perform(get("/tickets/{n}", id.value()).with(as(supervisor))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("&lt;abc.42@otklik.example&gt;").doesNotContain("<abc.42@");
    }

    private void assertRefused(TicketId from, long message, String typed, String error) throws Exception {
        assertRefusedFor(supervisor, from, message, typed, error);
    }

    private void assertRefusedFor(String login, TicketId from, long message, String typed, String error)
            throws Exception {
        String html = mvc.perform(post("/tickets/{n}/messages/{m}/move", from.value(), message)
                        .param("ticket", typed).with(as(login)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Element article = Jsoup.parse(html).selectFirst("article[data-message=" + message + "]");
        assertThat(article.select("[data-testid=move-error]").text()).as(typed).isEqualTo(error);
        assertThat(article.selectFirst("[data-testid=message-menu]").hasAttr("open")).isTrue();
        assertThat(article.select("[data-testid=move-form] input[name=ticket]").val()).isEqualTo(typed);
    }

    private void reason(long message, String origin, String reason) {
        jdbc.sql("update ticket_message set origin = ?, thread_reason = ? where id = ?")
                .params(origin, reason, message).update();
    }

    private Document page(TicketId id, String login) throws Exception {
        return Jsoup.parse(mvc.perform(get("/tickets/{n}", id.value()).with(as(login))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private TicketId open(String subject, TeamId team) {
        return intake.open(new NewTicket(subject, "Описание " + subject, customer, Channel.EMAIL, Priority.MEDIUM,
                null, team, null, Set.of(), List.of()));
    }

    private RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }
}
