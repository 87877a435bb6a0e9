package io.otklik;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application starts on PostgreSQL and its migrations create the schema. */
@SpringBootTest
class ApplicationStartsTests extends PostgresTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesThePostgresSchema() {
        // Other tests in this JVM share the database and may have added tickets: check the tables, not their rows.
        assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list())
                .contains("user_account", "customer", "agent", "team", "ticket", "ticket_message", "event_publication");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void plansQueueQueriesWithTheirRealValuesOnPostgres() {
        assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }
}
