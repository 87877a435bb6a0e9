package io.otklik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Smoke test of the embedded default: with no database configured the application starts on its H2 file database
 * under the data folder, migrates it with the same scripts as PostgreSQL, and serves the sign-in page.
 */
class EmbeddedDefaultTests {

    private static Path dataDir;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("otklik-embedded-");
        app = SpringApplication.run(OtklikApplication.class, "--server.port=0",
                "--otklik.data-dir=" + dataDir, "--otklik.demo-data=false");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void runsOnAnH2FileDatabaseUnderTheDataFolder() {
        String url = app.getEnvironment().getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:" + dataDir);
        assertThat(Files.exists(dataDir.resolve("db/otklik.mv.db"))).isTrue();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isZero();
    }

    @Test
    void servesTheSignInPageAndHealth() throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("UP");
    }
}
