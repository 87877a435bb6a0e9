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
        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isNotNegative();
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isGreaterThanOrEqualTo(5);
    }
}
