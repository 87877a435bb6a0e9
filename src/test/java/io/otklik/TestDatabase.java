package io.otklik;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;

/**
 * A PostgreSQL database of this test JVM's own, created on first use and dropped when the JVM ends, so test runs
 * never see each other's data. Server and user come from OTKLIK_TEST_PG_HOST / _PORT / _USER (default:
 * localhost:5432, postgres, trust auth, as on our build machines).
 */
public final class TestDatabase {

    private static final String HOST = env("OTKLIK_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("OTKLIK_TEST_PG_PORT", "5432");
    private static final String USER = env("OTKLIK_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("OTKLIK_TEST_PG_PASSWORD", "");
    private static final String PREFIX = "otklik_test_";

    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    /** One idle connection per database, so that other test JVMs never take it for abandoned and drop it. */
    private static final List<Connection> HELD = new ArrayList<>();

    private TestDatabase() {
    }

    /** The JVM's main test database. */
    public static String url() {
        return url("main");
    }

    /**
     * Another database of this JVM's own, for a context that must not share data with the others (one that
     * loads demo data, say); created on first use, dropped with the others when the JVM ends.
     */
    public static synchronized String url(String purpose) {
        String name = NAMES.get(purpose);
        if (name == null) {
            name = PREFIX + ManagementFactory.getRuntimeMXBean().getPid() + "_" + System.currentTimeMillis() % 100000
                    + ("main".equals(purpose) ? "" : "_" + purpose);
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                if (NAMES.isEmpty()) {
                    dropAbandoned(admin);
                    // After Spring has closed the application contexts: a plain JVM hook would run alongside
                    // Spring's and drop the database under beans still using it, which then wait for connections.
                    SpringApplication.getShutdownHandlers().add(TestDatabase::drop);
                }
                statement.execute("create database " + name);
                HELD.add(DriverManager.getConnection(urlOf(name), USER, PASSWORD));
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database on " + HOST + ":" + PORT
                        + " as " + USER + ". Is PostgreSQL running?", e);
            }
            NAMES.put(purpose, name);
        }
        return urlOf(name);
    }

    private static String urlOf(String name) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static synchronized void drop() {
        for (Connection held : HELD) {
            try {
                held.close();
            } catch (SQLException ignored) {
                // Dropped with force below anyway.
            }
        }
        for (String name : NAMES.values()) {
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // Left behind: the next run drops it as abandoned.
            }
        }
    }

    /** Drops test databases of earlier runs that nobody is connected to (a killed run leaves its database). */
    private static void dropAbandoned(Connection admin) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery(
                "select datname from pg_database d where datname like '" + PREFIX + "%' and not exists "
                        + "(select 1 from pg_stat_activity a where a.datname = d.datname)")) {
            while (rs.next()) {
                abandoned.add(rs.getString(1));
            }
        }
        for (String database : abandoned) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database);
            } catch (SQLException ignored) {
                // Someone connected meanwhile: leave it.
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
