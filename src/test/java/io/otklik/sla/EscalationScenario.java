package io.otklik.sla;

import static io.otklik.TestStaff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.otklik.TestDatabase;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.NewAgent;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.notification.NotificationHistory;
import io.otklik.notification.NotificationKind;
import io.otklik.notification.NotificationView;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the escalation tests stand on: a team of its own with an assignee and a supervisor, a policy for the team
 * counted round the clock (first response 10 min, resolution 60 min, paused while pending) with the test's rules, and
 * tickets of the team; and what happened to a ticket, read from the database as the agents' pages show it.
 */
final class EscalationScenario {

    static final Duration FIRST_RESPONSE = Duration.ofMinutes(10);
    static final Duration RESOLUTION = Duration.ofMinutes(60);
    static final Duration WAIT = Duration.ofSeconds(30);

    final TeamId team;
    final AgentId assignee;
    final String assigneeEmail;
    final String supervisorEmail;
    final SlaPolicyId policy;

    private final TicketIntake intake;
    private final NotificationHistory notifications;
    private final JdbcClient jdbc;

    private EscalationScenario(ApplicationContext context, TeamId team, AgentId assignee, String assigneeEmail,
            String supervisorEmail, SlaPolicyId policy) {
        this.team = team;
        this.assignee = assignee;
        this.assigneeEmail = assigneeEmail;
        this.supervisorEmail = supervisorEmail;
        this.policy = policy;
        this.intake = context.getBean(TicketIntake.class);
        this.notifications = context.getBean(NotificationHistory.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** The test contexts' settings: a database of the test class's own, so its moved clock touches no other test. */
    static void properties(DynamicPropertyRegistry registry, String database) {
        Path data;
        try {
            data = Files.createTempDirectory("otklik-test-" + database + "-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        registry.add("spring.datasource.url", () -> TestDatabase.url(database));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("otklik.data-dir", data::toString);
        registry.add("otklik.demo-data", () -> "false");
        registry.add("otklik.sla.escalations.interval", () -> "200ms");
    }

    /** Makes the team, its staff and its policy with these rules, in one context. */
    static EscalationScenario make(ApplicationContext context, List<EscalationRuleDetails> rules) {
        AgentDirectory agents = context.getBean(AgentDirectory.class);
        String mark = TestStaff.unique();
        return asAdmin(() -> {
            TeamId team = agents.createTeam("Эскалации " + mark, SupportLine.L1);
            String assigneeEmail = "assignee-" + mark + "@staff.example";
            AgentId assignee = agents.add(new NewAgent("Исполнитель " + mark, assigneeEmail, TestStaff.PASSWORD,
                    Role.AGENT, TicketScope.OWN_TEAMS, Set.of(team), Locale.of("ru")));
            String supervisorEmail = "supervisor-" + mark + "@staff.example";
            agents.add(new NewAgent("Руководитель " + mark, supervisorEmail, TestStaff.PASSWORD, Role.SUPERVISOR,
                    TicketScope.ALL, Set.of(team), Locale.of("en")));
            BusinessCalendarId calendar = context.getBean(CalendarAdministration.class).create(CalendarDetails.of(
                    "Круглосуточно " + mark, ZoneId.of("Europe/Moscow"), true, WeeklyHours.allDay(), null));
            Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
            for (Priority priority : Priority.values()) {
                targets.put(priority, new PolicyTargets(FIRST_RESPONSE, null, null, RESOLUTION));
            }
            SlaPolicyId policy = context.getBean(SlaPolicyAdministration.class).create(new PolicyDetails(
                    "Эскалации " + mark, true, new PolicyConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                            Set.of(team.value())), calendar, targets, Set.of(Status.PENDING), Duration.ofHours(24)));
            EscalationAdministration administration = context.getBean(EscalationAdministration.class);
            rules.forEach(rule -> administration.add(policy, rule));
            return new EscalationScenario(context, team, assignee, assigneeEmail, supervisorEmail, policy);
        });
    }

    /** Opens a ticket of the team assigned to the assignee, and waits until its two clocks are kept (and scheduled). */
    TicketId open(Priority priority) {
        String email = "client-" + TestStaff.unique() + "@client.test";
        TicketId ticket = intake.open(new NewTicket("Не проходят платежи", "С утра ни одного платежа.", null,
                Channel.EMAIL, priority, null, team, assignee, Set.of(), List.of()),
                new NewCustomer("Клиент " + email.substring(7, 11), email, null, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("select count(*) from sla_clock where "
                + "ticket_id = :t and state = 'RUNNING'").param("t", ticket.value()).query(Long.class).single())
                .isEqualTo(2));
        return ticket;
    }

    /** When the scanner is to look at the ticket's clock next; {@code null} for none (or no running clock). */
    OffsetDateTime nextCheck(TicketId ticket, ClockTarget target) {
        return jdbc.sql("select next_check_at from sla_clock where ticket_id = :t and target = :target")
                .param("t", ticket.value()).param("target", target.name())
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
    }

    /** The ticket's notices of the kind, as its page lists them, by recipient. */
    List<String> noticesTo(TicketId ticket, NotificationKind kind) {
        List<String> recipients = new ArrayList<>();
        for (NotificationView view : notifications.of(ticket)) {
            if (view.kind() == kind) {
                recipients.add(view.recipient());
            }
        }
        return recipients;
    }

    /** The ticket's history lines of a field, as "actor-type old → new". */
    List<String> history(TicketId ticket, String field) {
        return jdbc.sql("select actor_type, old_value, new_value from ticket_history "
                        + "where ticket_id = :t and field = :field order by at, id")
                .param("t", ticket.value()).param("field", field)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " → " + rs.getString(3)).list();
    }

    /** How many times rules fired for the ticket. */
    long firings(TicketId ticket) {
        return jdbc.sql("select count(*) from sla_escalation_fired where ticket_id = :t").param("t", ticket.value())
                .query(Long.class).single();
    }
}
