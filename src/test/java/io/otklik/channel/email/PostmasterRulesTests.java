package io.otklik.channel.email;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.channel.InboundMessage;
import io.otklik.channel.email.PostmasterCondition.Field;
import io.otklik.channel.email.PostmasterCondition.Operator;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Priority;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Postmaster rules on real mails: every field and comparison, every action, the order, the stop flag, rules that
 * cannot be saved, and the rules in memory following every change at once.
 */
@SpringBootTest
class PostmasterRulesTests extends PostgresTest {

    /** A mail with a bit of everything; rules key on {@code MARK} so they never touch other tests' mail. */
    private static final String MAIL = """
            From: =?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan.petrov@Client.example>
            To: Support <help@desk.example>, sales@desk.example
            Cc: "Бухгалтерия" <buh@client.example>
            Subject: =?UTF-8?Q?=D0=A1=D1=87=D1=91=D1=82_MARK_=E2=84=96_42?=
            Message-ID: <MARK@client.example>
            X-Spam-Flag: YES
            X-Priority: 1 (Highest)
            Received: from relay1.example by mx.desk.example
            Received: from laptop.client.example by relay1.example
            X-Mailer: =?UTF-8?B?0J/QvtGH0YLQsA==?= 2.0
            Content-Type: text/plain; charset=UTF-8

            Добрый день! Прошу выставить счёт на оплату по договору MARK-7.
            """;

    @Autowired PostmasterRules rules;
    @Autowired PostmasterRuleAdministration administration;
    @Autowired InboundEmail email;
    @Autowired AgentDirectory agents;
    @Autowired Categories categories;
    @Autowired JdbcClient jdbc;

    String mark;
    final List<PostmasterRuleId> created = new ArrayList<>();

    @BeforeEach
    void mark() {
        mark = "pm" + TestStaff.unique();
    }

    @AfterEach
    void removeRules() {
        created.forEach(id -> asAdmin(() -> {
            administration.delete(id);
            return null;
        }));
        created.clear();
    }

    @ParameterizedTest(name = "{0} {2} \"{3}\" → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM    |              | CONTAINS     | petrov@client           | true
            FROM    |              | CONTAINS     | Иван Пет                | true
            FROM    |              | EQUALS       | IVAN.PETROV@client.example | true
            FROM    |              | EQUALS       | иван петров             | true
            FROM    |              | EQUALS       | ivan.petrov             | false
            FROM    |              | STARTS_WITH  | ivan.                   | true
            FROM    |              | ENDS_WITH    | @client.example         | true
            FROM    |              | ENDS_WITH    | @desk.example           | false
            FROM    |              | NOT_CONTAINS | @competitor.example     | true
            FROM    |              | NOT_CONTAINS | петров                  | false
            FROM    |              | MATCHES      | ^[a-z.]+@client\\.example$ | true
            TO      |              | CONTAINS     | sales@                  | true
            TO      |              | EQUALS       | support                 | true
            TO      |              | STARTS_WITH  | buh@                    | false
            TO      |              | NOT_CONTAINS | buh@                    | true
            TO      |              | NOT_CONTAINS | desk.example            | false
            CC      |              | EQUALS       | buh@client.example      | true
            CC      |              | CONTAINS     | БУХГАЛТ                 | true
            CC      |              | ENDS_WITH    | desk.example            | false
            SUBJECT |              | CONTAINS     | СЧЁТ                    | true
            SUBJECT |              | STARTS_WITH  | счёт                    | true
            SUBJECT |              | ENDS_WITH    | № 42                    | true
            SUBJECT |              | EQUALS       | счёт                    | false
            SUBJECT |              | MATCHES      | №\\s*\\d+$              | true
            SUBJECT |              | MATCHES      | ^\\d                    | false
            SUBJECT |              | NOT_CONTAINS | invoice                 | true
            BODY    |              | CONTAINS     | выставить счёт          | true
            BODY    |              | MATCHES      | договору\\s+MARK-\\d    | true
            BODY    |              | STARTS_WITH  | добрый день             | true
            BODY    |              | NOT_CONTAINS | оплату                  | false
            HEADER  | X-Spam-Flag  | EQUALS       | yes                     | true
            HEADER  | x-spam-flag  | EQUALS       | no                      | false
            HEADER  | X-Priority   | STARTS_WITH  | 1                       | true
            HEADER  | Received     | CONTAINS     | laptop.client           | true
            HEADER  | Received     | MATCHES      | ^from relay1            | true
            HEADER  | X-Mailer     | EQUALS       | почта 2.0               | true
            HEADER  | X-Absent     | CONTAINS     | anything                | false
            HEADER  | X-Absent     | NOT_CONTAINS | anything                | true
            """)
    void eachFieldAndComparisonMatchesAsAPersonWouldExpect(Field field, String header, Operator operator,
            String value, boolean expected) {
        String text = value.replace("MARK", mark.toUpperCase());
        rule(mark + " rule", List.of(new PostmasterCondition(field, header, operator, text),
                PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark)), List.of(PostmasterAction.tag("hit")));

        PostmasterDecision decision = evaluate(MAIL);

        assertThat(decision.matched()).as("%s %s %s", field, operator, text).isEqualTo(expected);
        assertThat(decision.tags()).isEqualTo(expected ? java.util.Set.of("hit") : java.util.Set.of());
        assertThat(decision.matchedRules()).isEqualTo(expected ? List.of(mark + " rule") : List.of());
    }

    @Test
    void allConditionsMustHold() {
        rule(mark + " both", List.of(PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark),
                PostmasterCondition.header("X-Spam-Flag", Operator.EQUALS, "NO")), List.of(PostmasterAction.drop()));

        assertThat(evaluate(MAIL).matched()).isFalse();
        assertThat(evaluate(MAIL.replace("X-Spam-Flag: YES", "X-Spam-Flag: no")).drop()).isTrue();
    }

    @Test
    void everyActionEndsUpInTheDecision() {
        long team = asAdmin(() -> agents.createTeam("Биллинг " + mark, SupportLine.L1)).value();
        long category = asAdmin(() -> categories.create("Счета " + mark));
        rule(mark + " billing", subject(), List.of(PostmasterAction.tag("Счета и оплата"), PostmasterAction.tag("vip"),
                PostmasterAction.team(team), PostmasterAction.category(category),
                PostmasterAction.priority(Priority.HIGH)));

        PostmasterDecision decision = evaluate(MAIL);

        assertThat(decision.drop()).isFalse();
        assertThat(decision.tags()).containsExactly("счета-и-оплата", "vip");
        assertThat(decision.teamId()).isEqualTo(team);
        assertThat(decision.categoryId()).isEqualTo(category);
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.matchedRules()).containsExactly(mark + " billing");
    }

    @Test
    void aDroppingRuleDropsTheMail() {
        rule(mark + " spam", List.of(PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark),
                PostmasterCondition.header("x-spam-flag", Operator.EQUALS, "YES")), List.of(PostmasterAction.drop()));

        PostmasterDecision decision = evaluate(MAIL);

        assertThat(decision.drop()).isTrue();
        assertThat(decision.matchedRules()).containsExactly(mark + " spam");
    }

    @Test
    void laterRulesReplaceSingleValuesAndTagsAddUp() {
        rule(mark + " first", subject(), List.of(PostmasterAction.tag("one"),
                PostmasterAction.priority(Priority.LOW)));
        rule(mark + " second", subject(), List.of(PostmasterAction.tag("two"),
                PostmasterAction.priority(Priority.CRITICAL)));

        PostmasterDecision decision = evaluate(MAIL);

        assertThat(decision.tags()).containsExactly("one", "two");
        assertThat(decision.priority()).isEqualTo(Priority.CRITICAL);
        assertThat(decision.matchedRules()).containsExactly(mark + " first", mark + " second");
    }

    @Test
    void aStoppingRuleKeepsTheRulesAfterItFromBeingLookedAt() {
        PostmasterRuleId first = rule(mark + " first", subject(), List.of(PostmasterAction.tag("one"),
                PostmasterAction.priority(Priority.LOW)));
        PostmasterRuleId stop = create(new PostmasterRuleDetails(mark + " stop", true, true, subject(),
                List.of(PostmasterAction.tag("stop"))));
        rule(mark + " after", subject(), List.of(PostmasterAction.tag("after"),
                PostmasterAction.priority(Priority.CRITICAL)));

        PostmasterDecision decision = evaluate(MAIL);
        assertThat(decision.tags()).containsExactly("one", "stop");
        assertThat(decision.priority()).isEqualTo(Priority.LOW);
        assertThat(decision.matchedRules()).containsExactly(mark + " first", mark + " stop");

        // The stopping rule moved to the top: now it alone applies.
        asAdmin(() -> {
            administration.move(stop, true);
            return null;
        });
        assertThat(evaluate(MAIL).matchedRules()).containsExactly(mark + " stop");
        // A stopping rule that does not match stops nothing.
        asAdmin(() -> {
            administration.update(stop, new PostmasterRuleDetails(mark + " stop", true, true,
                    List.of(PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, "never " + mark)),
                    List.of(PostmasterAction.tag("stop"))));
            return null;
        });
        assertThat(evaluate(MAIL).matchedRules()).containsExactly(mark + " first", mark + " after");
        assertThat(first).isNotNull();
    }

    @Test
    void rulesMoveUpAndDownAndTheLastWordChanges() {
        PostmasterRuleId low = rule(mark + " low", subject(), List.of(PostmasterAction.priority(Priority.LOW)));
        rule(mark + " high", subject(), List.of(PostmasterAction.priority(Priority.HIGH)));
        assertThat(evaluate(MAIL).priority()).isEqualTo(Priority.HIGH);

        asAdmin(() -> {
            administration.move(low, false);
            return null;
        });
        assertThat(evaluate(MAIL).priority()).isEqualTo(Priority.LOW);
        assertThat(names()).containsSubsequence(mark + " high", mark + " low");

        // The last cannot go further down, the first not further up.
        asAdmin(() -> {
            administration.move(low, false);
            return null;
        });
        assertThat(names()).containsSubsequence(mark + " high", mark + " low");
    }

    @Test
    void aSwitchedOffRuleDoesNothingUntilSwitchedOnAgain() {
        PostmasterRuleId id = rule(mark + " off", subject(), List.of(PostmasterAction.drop()));
        asAdmin(() -> {
            administration.enable(id, false);
            return null;
        });
        assertThat(evaluate(MAIL).matched()).isFalse();
        asAdmin(() -> {
            administration.enable(id, true);
            return null;
        });
        assertThat(evaluate(MAIL).drop()).isTrue();
    }

    @Test
    void theRulesInMemoryFollowEveryChangeAtOnce() {
        assertThat(evaluate(MAIL).matched()).isFalse();
        PostmasterRuleId id = rule(mark + " cached", subject(), List.of(PostmasterAction.tag("before")));
        assertThat(evaluate(MAIL).tags()).containsExactly("before");

        asAdmin(() -> {
            administration.update(id, new PostmasterRuleDetails(mark + " cached", true, false, subject(),
                    List.of(PostmasterAction.tag("after"))));
            return null;
        });
        assertThat(evaluate(MAIL).tags()).containsExactly("after");

        asAdmin(() -> {
            administration.delete(id);
            return null;
        });
        created.remove(id);
        assertThat(evaluate(MAIL).matched()).isFalse();
    }

    @Test
    void evaluatingReadsNothingFromTheDatabaseWhileTheRulesAreUnchanged() {
        rule(mark + " memory", subject(), List.of(PostmasterAction.tag("kept")));
        assertThat(evaluate(MAIL).tags()).containsExactly("kept");

        // Behind the application's back: the rules in memory stand until a change through it (or the refresh).
        jdbc.sql("update postmaster_rule_action set argument = 'changed' where argument = 'kept'").update();
        assertThat(evaluate(MAIL).tags()).containsExactly("kept");

        InboundMessage message = email.parse(bytes(MAIL));
        Map<String, List<String>> headers = PostmasterRules.headersOf(bytes(MAIL));
        long started = System.nanoTime();
        int runs = 20_000;
        for (int i = 0; i < runs; i++) {
            rules.evaluate(message, headers);
        }
        long micros = (System.nanoTime() - started) / 1000 / runs;
        // Tens of microseconds on a busy laptop; a database round trip would take hundreds.
        assertThat(micros).isLessThan(100);
    }

    @Test
    void aRuleWithAnInvalidRegularExpressionIsRefusedAndNothingIsSaved() {
        PostmasterRuleDetails broken = new PostmasterRuleDetails(mark + " broken", true, false,
                List.of(PostmasterCondition.of(Field.SUBJECT, Operator.MATCHES, "(счёт")),
                List.of(PostmasterAction.drop()));

        assertThatThrownBy(() -> create(broken)).isInstanceOfSatisfying(InvalidPostmasterRule.class, e -> {
            assertThat(e.problems()).extracting(PostmasterRuleProblem::field, PostmasterRuleProblem::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("conditions[0].value",
                            "postmaster.regex-invalid-at"));
            assertThat(e.problems().getFirst().arguments()).containsExactly("Unclosed group", 6);
        });
        assertThat(names()).doesNotContain(mark + " broken");
    }

    @Test
    void aRuleThatCannotBeSavedSaysEverythingThatIsWrong() {
        PostmasterRuleDetails wrong = new PostmasterRuleDetails(" ", true, false,
                List.of(PostmasterCondition.header("", Operator.CONTAINS, "x"),
                        new PostmasterCondition(Field.SUBJECT, "X-Other", Operator.CONTAINS, ""),
                        PostmasterCondition.header("Bad Name:", Operator.EQUALS, "x")),
                List.of(PostmasterAction.team(987_654_321L), PostmasterAction.category(987_654_321L),
                        new PostmasterAction(PostmasterAction.Kind.SET_PRIORITY, "URGENT")));

        assertThatThrownBy(() -> create(wrong)).isInstanceOfSatisfying(InvalidPostmasterRule.class,
                e -> assertThat(e.problems()).extracting(PostmasterRuleProblem::field, PostmasterRuleProblem::code)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("name", "postmaster.name-required"),
                                org.assertj.core.groups.Tuple.tuple("conditions[0].header",
                                        "postmaster.header-required"),
                                org.assertj.core.groups.Tuple.tuple("conditions[1].header",
                                        "postmaster.header-unused"),
                                org.assertj.core.groups.Tuple.tuple("conditions[1].value",
                                        "postmaster.value-required"),
                                org.assertj.core.groups.Tuple.tuple("conditions[2].header",
                                        "postmaster.header-invalid"),
                                org.assertj.core.groups.Tuple.tuple("actions[2]", "postmaster.priority-unknown"),
                                org.assertj.core.groups.Tuple.tuple("actions[0]", "postmaster.team-unknown"),
                                org.assertj.core.groups.Tuple.tuple("actions[1]", "postmaster.category-unknown")));

        PostmasterRuleDetails dropAndTag = new PostmasterRuleDetails(mark + " both", true, false, subject(),
                List.of(PostmasterAction.drop(), PostmasterAction.tag("x")));
        assertThatThrownBy(() -> create(dropAndTag)).isInstanceOfSatisfying(InvalidPostmasterRule.class,
                e -> assertThat(e.problems()).extracting(PostmasterRuleProblem::code)
                        .containsExactly("postmaster.drop-alone"));

        rule(mark + " taken", subject(), List.of(PostmasterAction.tag("x")));
        assertThatThrownBy(() -> create(new PostmasterRuleDetails(mark + " taken", true, false, subject(),
                List.of(PostmasterAction.tag("y"))))).isInstanceOfSatisfying(InvalidPostmasterRule.class,
                e -> assertThat(e.problems()).extracting(PostmasterRuleProblem::code)
                        .containsExactly("postmaster.name-taken"));
        assertThat(evaluate(MAIL).tags()).containsExactly("x");
    }

    @Test
    void aRegularExpressionThatRunsAwayCountsAsNotMatching() {
        rule(mark + " runaway", List.of(PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark),
                PostmasterCondition.of(Field.BODY, Operator.MATCHES, "(\\d+)*[a-z]\\1x")),
                List.of(PostmasterAction.drop()));
        // Backtracking over 32 digits: without a bound this takes minutes.
        String mail = MAIL.replace("Добрый день! Прошу выставить счёт на оплату по договору MARK-7.",
                "1".repeat(32));

        long started = System.nanoTime();
        assertThat(evaluate(mail).matched()).isFalse();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void headersAreReadByLowerCaseNameWithEveryValueDecoded() {
        Map<String, List<String>> headers = PostmasterRules.headersOf(bytes(MAIL));

        assertThat(headers.get("received")).containsExactly("from relay1.example by mx.desk.example",
                "from laptop.client.example by relay1.example");
        assertThat(headers.get("x-mailer")).containsExactly("Почта 2.0");
        assertThat(headers.get("from")).containsExactly("Иван Петров <ivan.petrov@Client.example>");
        assertThat(headers).doesNotContainKey("X-Spam-Flag").containsKey("x-spam-flag");
        assertThat(PostmasterRules.headersOf(bytes("X-Department: Бухгалтерия\n\nтекст"))).containsExactly(
                Map.entry("x-department", List.of("Бухгалтерия")));
        assertThat(PostmasterRules.headersOf("no headers here\r\n\r\nbody".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    private List<PostmasterCondition> subject() {
        return List.of(PostmasterCondition.of(Field.SUBJECT, Operator.CONTAINS, mark));
    }

    private PostmasterRuleId rule(String name, List<PostmasterCondition> conditions,
            List<PostmasterAction> actions) {
        return create(new PostmasterRuleDetails(name, true, false, conditions, actions));
    }

    private PostmasterRuleId create(PostmasterRuleDetails details) {
        PostmasterRuleId id = asAdmin(() -> administration.create(details));
        created.add(id);
        return id;
    }

    private List<String> names() {
        return asAdmin(() -> administration.rules()).stream().map(PostmasterRuleView::name).toList();
    }

    private PostmasterDecision evaluate(String mail) {
        String raw = mail.replace("MARK", mark);
        return rules.evaluate(email.parse(bytes(raw)), PostmasterRules.headersOf(bytes(raw)));
    }

    private static byte[] bytes(String mail) {
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
