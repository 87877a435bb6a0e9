package io.otklik;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of integration tests: the whole application on this JVM's own PostgreSQL database, without demo data,
 * files under a temporary folder. Tests sharing this configuration share one application context.
 */
public abstract class PostgresTest {

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("otklik-test-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("otklik.data-dir", DATA_DIR::toString);
        registry.add("otklik.demo-data", () -> "false");
        registry.add("otklik.attachments.max-size", () -> "1MB");
    }
}
