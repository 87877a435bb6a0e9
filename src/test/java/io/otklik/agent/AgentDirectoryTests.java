package io.otklik.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.identity.Role;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The staff list shows everyone with their role and teams, and costs the same few queries however long it is. */
@SpringBootTest
class AgentDirectoryTests extends PostgresTest {

    @Autowired
    AgentDirectory agents;

    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void listsAgentsWithTheirRolesAndTeamsInAFixedNumberOfQueries() {
        TeamId team = TestStaff.asAdmin(() -> agents.createTeam("Линия " + TestStaff.unique(), SupportLine.L2));
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR, TicketScope.ALL, Set.of(team), null);
        String agent = TestStaff.add(agents, Role.AGENT, TicketScope.OWN_TEAMS, Set.of(team), Locale.ENGLISH);

        long queriesBefore = fewestQueriesOf(() -> agents.agents());
        for (int i = 0; i < 4; i++) {
            TestStaff.add(agents, Role.AGENT, TicketScope.OWN_TEAMS, Set.of(team), null);
        }
        List<AgentView> listed = agents.agents();
        long queriesAfter = fewestQueriesOf(() -> agents.agents());

        assertThat(queriesAfter).isEqualTo(queriesBefore).isLessThanOrEqualTo(2);
        assertThat(listed).filteredOn(view -> view.email().equals(supervisor)).singleElement()
                .satisfies(view -> {
                    assertThat(view.role()).isEqualTo(Role.SUPERVISOR);
                    assertThat(view.teams()).containsExactly(team);
                });
        assertThat(listed).filteredOn(view -> view.email().equals(agent)).singleElement()
                .satisfies(view -> {
                    assertThat(view.role()).isEqualTo(Role.AGENT);
                    assertThat(view.scope()).isEqualTo(TicketScope.OWN_TEAMS);
                });
    }

    /**
     * The statistics count the whole application's queries, and background work (the mailbox reader looking for
     * mailboxes) may query at the same moment: the fewest of three runs is the listing's own count.
     */
    private long fewestQueriesOf(Runnable work) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            fewest = Math.min(fewest, queriesOf(work));
        }
        return fewest;
    }

    private long queriesOf(Runnable work) {
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        work.run();
        long count = statistics.getPrepareStatementCount();
        statistics.setStatisticsEnabled(false);
        return count;
    }
}
