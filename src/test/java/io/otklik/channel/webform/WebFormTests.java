package io.otklik.channel.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.MessageView;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketFilter;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketSort;
import io.otklik.ticket.TicketSummary;

import io.micrometer.core.instrument.MeterRegistry;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The public web form as a visitor uses it, through the whole application: what becomes of a request, what is
 * refused and how it is told, and that scripts get nowhere. Every request comes from an address of its own, so the
 * per-address limits of one test never touch another.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebFormTests extends PostgresTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 20));

    @Autowired
    io.otklik.sla.PromisedAnswers promises;

    @Autowired MockMvc mvc;
    @Autowired CustomerDirectory customers;
    @Autowired TicketQueries tickets;
    @Autowired Conversations conversations;
    @Autowired Categories categories;
    @Autowired AgentDirectory agents;
    @Autowired UserDetailsService users;
    @Autowired FormStamps stamps;
    @Autowired MeterRegistry meters;
    @Autowired Clock clock;
    @Value("${otklik.public-url}") String publicUrl;

    private String unique;

    @BeforeEach
    void names() {
        unique = TestStaff.unique();
    }

    @Test
    void theFormIsPublicInRussianByDefaultAndInEnglishWhenAsked() throws Exception {
        String category = "Доступ " + unique;
        TestStaff.asAdmin(() -> categories.create(category));

        Document russian = page(mvc.perform(get("/support/new")).andExpect(status().isOk()).andReturn());
        assertThat(russian.selectFirst("h1").text()).isEqualTo("Напишите в поддержку");
        assertThat(russian.select("label").eachText()).contains("Ваше имя", "Электронная почта", "Тема", "Категория",
                "Описание", "Файлы");
        assertThat(russian.select("#categoryId option").eachText()).contains("Не знаю или другое", category);
        assertThat(russian.selectFirst("#files").hasAttr("multiple")).isTrue();
        assertThat(russian.selectFirst("#files-hint").text()).contains("каждый до 1 МБ", ".exe");

        Document english = page(mvc.perform(get("/support/new").param("lang", "en")).andReturn());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Write to support");
        Document browserEnglish = page(mvc.perform(get("/support/new").header("Accept-Language", "en-GB,en;q=0.8"))
                .andReturn());
        assertThat(browserEnglish.selectFirst("h1").text()).isEqualTo("Write to support");
    }

    @Test
    void anUnknownEmailBecomesANewCustomerWithAWebFormTicket() throws Exception {
        String email = "new-" + unique + "@client.example";
        long customersBefore = customers.customerCount();

        MvcResult sent = mvc.perform(form("Анна Петрова", email, "Не приходит счёт " + unique,
                        "Счёт за ноябрь так и не пришёл на почту.")
                        .file(new MockMultipartFile("files", "скриншот.png", "image/png", new byte[] {1, 2, 3})))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/support/thanks/*")).andReturn();

        CustomerId customer = customers.findByEmail(email).orElseThrow();
        assertThat(customers.card(customer).name()).isEqualTo("Анна Петрова");
        assertThat(customers.customerCount()).isEqualTo(customersBefore + 1);
        TicketSummary ticket = onlyTicketOf(customer);
        TicketDetails details = tickets.details(ticket.id());
        assertThat(details.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(details.subject()).isEqualTo("Не приходит счёт " + unique);
        List<MessageView> messages = conversations.of(ticket.id());
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().body()).isEqualTo("Счёт за ноябрь так и не пришёл на почту.");
        assertThat(messages.getFirst().attachments()).extracting(a -> a.fileName()).containsExactly("скриншот.png");

        Document thanks = page(mvc.perform(get(sent.getResponse().getRedirectedUrl())).andExpect(status().isOk())
                .andReturn());
        assertThat(thanks.selectFirst("h1").text()).isEqualTo("Спасибо, обращение принято");
        assertThat(thanks.selectFirst("[data-testid=reference]").text()).isEqualTo(details.reference());
        assertThat(thanks.selectFirst("[data-testid=subject]").text()).isEqualTo("Не приходит счёт " + unique);
    }

    @Test
    void theThankYouPageSaysByWhenWeWillAnswer() throws Exception {
        MvcResult sent = mvc.perform(form("Иван", "promise-" + unique + "@client.example", "Срок " + unique, "Когда?"))
                .andReturn();
        String token = sent.getResponse().getRedirectedUrl().substring("/support/thanks/".length());
        Document thanks = page(mvc.perform(get("/support/thanks/" + token)).andReturn());
        long number = onlyTicketOf(customers.findByEmail("promise-" + unique + "@client.example").orElseThrow())
                .id().value();

        var promise = thanks.selectFirst("[data-testid=promised-time]");
        java.time.Instant due = promises.firstAnswerBy(new io.otklik.ticket.TicketId(number));
        assertThat(promise.text()).isEqualTo("Мы ответим вам до " + due.atZone(java.time.ZoneId.of("Europe/Moscow"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
        assertThat(java.time.OffsetDateTime.parse(promise.selectFirst("time").attr("datetime")).toInstant())
                .isEqualTo(due);
        assertThat(thanks.text()).contains("Подтверждение с номером и сроком ответа придёт вам на почту.");
    }

    @Test
    void aKnownEmailKeepsItsCustomer() throws Exception {
        String email = "known-" + unique + "@client.example";
        CustomerId known = customers.register(new NewCustomer("Ольга Смирнова", email, null, null));
        long customersBefore = customers.customerCount();

        mvc.perform(form("Оля", email.toUpperCase(), "Второй вопрос " + unique, "Как сменить тариф?"))
                .andExpect(status().is3xxRedirection());

        assertThat(customers.customerCount()).isEqualTo(customersBefore);
        TicketSummary ticket = onlyTicketOf(known);
        assertThat(ticket.subject()).isEqualTo("Второй вопрос " + unique);
        assertThat(customers.card(known).name()).isEqualTo("Ольга Смирнова");
    }

    @Test
    void errorsAreShownNextToTheFieldsInRussianWithWhatWasTypedKept() throws Exception {
        long ticketsBefore = tickets.count(TicketFilter.all());
        MvcResult result = mvc.perform(form("", "не-адрес", "", "Мой текст <как есть> " + unique))
                .andExpect(status().isUnprocessableContent()).andReturn();

        Document page = page(result);
        assertThat(page.selectFirst("[data-testid=form-invalid]").text())
                .isEqualTo("Проверьте, пожалуйста, поля, отмеченные ниже.");
        assertThat(errorAfter(page, "name")).isEqualTo("Укажите, как к вам обращаться.");
        assertThat(errorAfter(page, "email")).isEqualTo("Неверный адрес электронной почты.");
        assertThat(errorAfter(page, "subject")).isEqualTo("Коротко назовите тему обращения.");
        assertThat(page.selectFirst("#description-error")).isNull();
        assertThat(page.selectFirst("#email").val()).isEqualTo("не-адрес");
        assertThat(page.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#description").text()).isEqualTo("Мой текст <как есть> " + unique);
        assertThat(page.selectFirst("input[name=stamp]").val()).isNotBlank();
        assertThat(tickets.count(TicketFilter.all())).isEqualTo(ticketsBefore);
    }

    @Test
    void errorsAreShownNextToTheFieldsInEnglishWithWhatWasTypedKept() throws Exception {
        String longSubject = "x".repeat(501);
        MvcResult result = mvc.perform(form("Jane Doe", "", longSubject, "").header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent()).andReturn();

        Document page = page(result);
        assertThat(page.selectFirst("[data-testid=form-invalid]").text()).isEqualTo("Please check the fields marked below.");
        assertThat(errorAfter(page, "email")).isEqualTo("Enter your email address: the answer will go there.");
        assertThat(errorAfter(page, "subject")).isEqualTo("At most 500 characters.");
        assertThat(page.selectFirst("#description-error").text()).isEqualTo("Describe your question or problem.");
        assertThat(page.selectFirst("#name-error")).isNull();
        assertThat(page.selectFirst("#name").val()).isEqualTo("Jane Doe");
        assertThat(page.selectFirst("#subject").val()).isEqualTo(longSubject);
    }

    @Test
    void aFilledTrapLooksAcceptedButCreatesNothing() throws Exception {
        long ticketsBefore = tickets.count(TicketFilter.all());
        long customersBefore = customers.customerCount();
        double trappedBefore = rejected("honeypot");

        MvcResult sent = mvc.perform(form("Bot", "bot-" + unique + "@spam.example", "Cheap pills", "Buy now")
                        .param("website", "http://spam.example"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/support/thanks")).andReturn();
        Document thanks = page(mvc.perform(get(sent.getResponse().getRedirectedUrl())).andExpect(status().isOk())
                .andReturn());

        assertThat(thanks.selectFirst("h1").text()).isEqualTo("Спасибо, обращение принято");
        assertThat(thanks.selectFirst("[data-testid=reference]")).isNull();
        assertThat(tickets.count(TicketFilter.all())).isEqualTo(ticketsBefore);
        assertThat(customers.customerCount()).isEqualTo(customersBefore);
        assertThat(customers.findByEmail("bot-" + unique + "@spam.example")).isEmpty();
        assertThat(rejected("honeypot")).isEqualTo(trappedBefore + 1);
    }

    @Test
    void theTrapIsHiddenFromPeople() throws Exception {
        Document page = page(mvc.perform(get("/support/new")).andReturn());
        var trap = page.selectFirst("input[name=website]");
        assertThat(trap.attr("tabindex")).isEqualTo("-1");
        assertThat(trap.attr("autocomplete")).isEqualTo("off");
        assertThat(trap.parent().attr("aria-hidden")).isEqualTo("true");
        assertThat(trap.parent().hasClass("webform-trap")).isTrue();
    }

    @Test
    void aFormSentAtOnceAfterShowingIsShownAgainAndCreatesNothing() throws Exception {
        String address = nextAddress();
        Document shown = page(mvc.perform(get("/support/new").with(from(address))).andReturn());
        String freshStamp = shown.selectFirst("input[name=stamp]").val();
        long ticketsBefore = tickets.count(TicketFilter.all());
        double tooFastBefore = rejected("too-fast");

        Document again = page(mvc.perform(multipart("/support/new").param("name", "Скрипт")
                        .param("email", "fast-" + unique + "@client.example").param("subject", "Быстро " + unique)
                        .param("description", "Сразу").param("stamp", freshStamp).with(from(address)))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(again.selectFirst("[data-testid=form-notice]").text())
                .isEqualTo("Проверьте, пожалуйста, данные и отправьте форму ещё раз.");
        assertThat(again.selectFirst("#subject").val()).isEqualTo("Быстро " + unique);
        assertThat(tickets.count(TicketFilter.all())).isEqualTo(ticketsBefore);
        assertThat(rejected("too-fast")).isEqualTo(tooFastBefore + 1);

        // A forged or missing stamp is no better.
        mvc.perform(multipart("/support/new").param("name", "Скрипт").param("email", "fast-" + unique + "@client.example")
                        .param("subject", "Быстро " + unique).param("description", "Сразу")
                        .param("stamp", System.currentTimeMillis() - 60_000 + ".forged").with(from(address)))
                .andExpect(status().isUnprocessableContent());
        assertThat(tickets.count(TicketFilter.all())).isEqualTo(ticketsBefore);
    }

    @Test
    void tooManyRequestsFromOneEmailAreRefusedWithWhenToTryAgainWhileOtherEmailsStillGetThrough() throws Exception {
        String email = "busy-" + unique + "@client.example";
        for (int i = 1; i <= 5; i++) {
            mvc.perform(form("Пётр", email, "Вопрос " + i + " " + unique, "Текст " + i))
                    .andExpect(status().is3xxRedirection());
        }

        MvcResult refused = mvc.perform(form("Пётр", email, "Вопрос 6 " + unique, "Шестой текст " + unique))
                .andExpect(status().isTooManyRequests()).andReturn();

        long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        Document page = page(refused);
        assertThat(page.selectFirst("[data-testid=form-error]").text())
                .startsWith("Слишком много обращений подряд. Отправить форму снова можно через ")
                .contains(" мин.").endsWith("Ваш текст сохранён ниже.");
        assertThat(page.selectFirst("#description").text()).isEqualTo("Шестой текст " + unique);
        assertThat(tickets.count(TicketFilter.all().withRequester(customers.findByEmail(email).orElseThrow())))
                .isEqualTo(5);

        mvc.perform(form("Павел", "other-" + unique + "@client.example", "Другой " + unique, "Текст"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void tooManyRequestsFromOneAddressAreRefusedInEnglishWhileOtherAddressesStillGetThrough() throws Exception {
        String address = nextAddress();
        for (int i = 1; i <= 10; i++) {
            mvc.perform(form("Sam", "sender-" + i + "-" + unique + "@client.example", "Question " + i, "Text")
                    .with(from(address))).andExpect(status().is3xxRedirection());
        }

        MvcResult refused = mvc.perform(form("Sam", "sender-11-" + unique + "@client.example", "Question 11", "Text")
                        .with(from(address)).header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After")).andReturn();
        assertThat(page(refused).selectFirst("[data-testid=form-error]").text())
                .matches("Too many requests in a row\\. You can send the form again in \\d+ min\\. Your text is kept below\\.");
        assertThat(customers.findByEmail("sender-11-" + unique + "@client.example")).isEmpty();

        mvc.perform(form("Sam", "sender-11-" + unique + "@client.example", "Question 11", "Text")
                .with(from(nextAddress()))).andExpect(status().is3xxRedirection());
    }

    @Test
    void anExecutableAttachmentIsRefusedAndNothingIsCreated() throws Exception {
        String email = "exe-" + unique + "@client.example";
        long ticketsBefore = tickets.count(TicketFilter.all());
        long customersBefore = customers.customerCount();

        Document page = page(mvc.perform(form("Вирус", email, "Счёт " + unique, "Откройте вложение")
                        .file(new MockMultipartFile("files", "договор.pdf", "application/pdf", "%PDF-1.7".getBytes()))
                        .file(new MockMultipartFile("files", "Setup.EXE", "application/octet-stream", new byte[] {1})))
                .andExpect(status().isUnprocessableContent()).andReturn());

        assertThat(page.selectFirst("#files-error").text()).isEqualTo("Такие файлы не принимаются: Setup.EXE. "
                + "Программы и скрипты могут навредить компьютеру, который их откроет.");
        assertThat(page.selectFirst("[data-testid=files-again]").text())
                .isEqualTo("Выбранные файлы не сохранились — прикрепите их ещё раз.");
        assertThat(page.selectFirst("#subject").val()).isEqualTo("Счёт " + unique);
        assertThat(tickets.count(TicketFilter.all())).isEqualTo(ticketsBefore);
        assertThat(customers.customerCount()).isEqualTo(customersBefore);
        assertThat(customers.findByEmail(email)).isEmpty();

        // A program renamed to look like a document, and a script with a trailing dot, are refused too.
        mvc.perform(form("Вирус", email, "Счёт " + unique, "Откройте вложение")
                        .file(new MockMultipartFile("files", "invoice.pdf", "application/pdf", "MZ\u0090\u0000".getBytes())))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(form("Вирус", email, "Счёт " + unique, "Откройте вложение")
                        .file(new MockMultipartFile("files", "run.ps1.", "text/plain", "Get-Item".getBytes())))
                .andExpect(status().isUnprocessableContent());
        assertThat(tickets.count(TicketFilter.all())).isEqualTo(ticketsBefore);
    }

    @Test
    void anOversizeAttachmentIsRefusedAndNothingIsCreated() throws Exception {
        String email = "big-" + unique + "@client.example";
        long ticketsBefore = tickets.count(TicketFilter.all());
        long customersBefore = customers.customerCount();

        Document page = page(mvc.perform(form("Борис", email, "Лог " + unique, "Прикладываю дамп")
                        .file(new MockMultipartFile("files", "dump.bin", "application/octet-stream",
                                new byte[1024 * 1024 + 1])))
                .andExpect(status().isPayloadTooLarge()).andReturn());

        assertThat(page.selectFirst("#files-error").text())
                .isEqualTo("Слишком большой файл: dump.bin. Каждый файл — не больше 1 МБ.");
        assertThat(page.selectFirst("#description").text()).isEqualTo("Прикладываю дамп");
        assertThat(tickets.count(TicketFilter.all())).isEqualTo(ticketsBefore);
        assertThat(customers.customerCount()).isEqualTo(customersBefore);
    }

    @Test
    void scriptsAndMarkupInTheFieldsAreShownAsText() throws Exception {
        String email = "markup-" + unique + "@client.example";
        String subject = "<script>alert('тема')</script> " + unique;
        String description = "<img src=x onerror=alert(1)> и <b>жирный</b>";
        MvcResult sent = mvc.perform(form("<i>Имя</i>", email, subject, description)).andReturn();

        String thanks = mvc.perform(get(sent.getResponse().getRedirectedUrl())).andReturn().getResponse()
                .getContentAsString();
        assertThat(thanks).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");
        assertThat(Jsoup.parse(thanks).selectFirst("[data-testid=subject]").text()).isEqualTo(subject);

        TicketId id = onlyTicketOf(customers.findByEmail(email).orElseThrow()).id();
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        String agentPage = mvc.perform(get("/tickets/" + id.value()).with(user(users.loadUserByUsername(supervisor))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(agentPage).contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                        "&lt;b&gt;жирный&lt;/b&gt;", "&lt;i&gt;Имя&lt;/i&gt;")
                .doesNotContain("<script>alert", "<img src=x", "<b>жирный", "<i>Имя");
    }

    @Test
    void theThankYouPageOpensOnlyWithItsTokenNeverWithAGuessedNumber() throws Exception {
        MvcResult sent = mvc.perform(form("Вера", "guess-" + unique + "@client.example", "Угадай " + unique, "Текст"))
                .andReturn();
        long number = onlyTicketOf(customers.findByEmail("guess-" + unique + "@client.example").orElseThrow())
                .id().value();

        for (String guess : List.of(Long.toString(number), "OTK-" + number, "A".repeat(43))) {
            String page = mvc.perform(get("/support/thanks/{token}", guess)).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).doesNotContain("Угадай " + unique).doesNotContain("OTK-" + number);
        }
        mvc.perform(get("/support/thanks").param("ticket", Long.toString(number)))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("OTK-" + number));
        mvc.perform(get(sent.getResponse().getRedirectedUrl())).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("OTK-" + number));
    }

    @Test
    void theEmbedScriptFramesTheFormWhichOtherSitesMayShowWhileOtherPagesStayUnframable() throws Exception {
        MvcResult script = mvc.perform(get("/support/embed.js")).andExpect(status().isOk()).andReturn();
        assertThat(script.getResponse().getContentType()).startsWith("text/javascript");
        assertThat(script.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=3600, public");
        assertThat(script.getResponse().getContentAsString()).contains("/support/new?embed=1", "iframe",
                "\"ru\":\"Форма обращения в поддержку\"", "\"en\":\"Support request form\"", "data-lang");

        MvcResult embedded = mvc.perform(get("/support/new").param("embed", "1").param("lang", "en")).andReturn();
        assertThat(embedded.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors *");
        assertThat(embedded.getResponse().getHeader("X-Frame-Options")).isNull();
        Document frame = page(embedded);
        assertThat(frame.selectFirst("header")).isNull();
        assertThat(frame.selectFirst("form").attr("action")).isEqualTo("/support/new?embed=1&lang=en");
        assertThat(frame.select("script[src=/support/frame.js]")).hasSize(1);
        assertThat(mvc.perform(get("/support/frame.js")).andReturn().getResponse().getContentAsString())
                .contains("postMessage");

        MvcResult sent = mvc.perform(form("Frame", "frame-" + unique + "@client.example", "In a frame", "Text")
                .param("embed", "1").param("lang", "en")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).matches("/support/thanks/[\\w-]{43}\\?embed=1&lang=en");
        assertThat(sent.getRequest().getSession(false)).as("no session for a visitor").isNull();

        MvcResult signIn = mvc.perform(get("/login")).andReturn();
        assertThat(signIn.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'self'");
    }

    @Test
    void supervisorsFindTheCodeToPasteOnTheCompanySiteAndAgentsAreKeptOut() throws Exception {
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        Document home = page(mvc.perform(get("/admin").with(user(users.loadUserByUsername(supervisor)))).andReturn());
        assertThat(home.selectFirst("[data-screen=web-form] h2 a").attr("href")).isEqualTo("/admin/web-form");
        assertThat(home.selectFirst("[data-screen=web-form] h2").text()).isEqualTo("Веб-форма");

        Document admin = page(mvc.perform(get("/admin/web-form").with(user(users.loadUserByUsername(supervisor))))
                .andExpect(status().isOk()).andReturn());
        assertThat(admin.selectFirst("[data-testid=snippet]").text())
                .isEqualTo("<script src=\"" + publicUrl + "/support/embed.js\" data-lang=\"ru\" async></script>");
        assertThat(admin.selectFirst("[data-testid=form-url]").attr("href")).isEqualTo(publicUrl + "/support/new");
        assertThat(admin.selectFirst("[data-testid=origins]").text()).isEqualTo("Любые.");

        String agent = TestStaff.add(agents, Role.AGENT);
        mvc.perform(get("/admin/web-form").with(user(users.loadUserByUsername(agent)))).andExpect(status().isForbidden());
    }

    /** A filled-in form, shown long enough ago, sent from an address of its own. */
    private MockMultipartHttpServletRequestBuilder form(String name, String email, String subject, String description) {
        MockMultipartHttpServletRequestBuilder request = multipart("/support/new");
        request.param("name", name).param("email", email).param("subject", subject).param("description", description)
                .param("stamp", stamps.issue(clock.instant().minusSeconds(20)))
                .with(from(nextAddress()));
        return request;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    private TicketSummary onlyTicketOf(CustomerId customer) {
        List<TicketSummary> found = tickets.find(TicketFilter.all().withRequester(customer), TicketSort.CREATED_DESC, 0,
                10).items();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private double rejected(String reason) {
        var counter = meters.find("otklik.webform.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The error shown right after a field (its own element, named for the field). */
    private static String errorAfter(Document page, String field) {
        var error = page.selectFirst("#" + field + "-error");
        assertThat(error).as("error of " + field).isNotNull();
        assertThat(page.selectFirst("#" + field).attr("aria-describedby")).contains(field + "-error");
        return error.text();
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
