package io.otklik.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;

/** One PostgreSQL database given by JDBC URL: created when missing, migrated with the application's Flyway scripts. */
final class Database {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z_][A-Za-z0-9_]*)(\\?.*)?$");

    final String url;
    final String name;
    private final String serverUrl;
    private final String user;
    private final String password;

    Database(String url, String user, String password) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host:port/database, got: " + url);
        }
        this.url = url;
        this.name = m.group(2);
        // The maintenance database "postgres" is where CREATE/DROP DATABASE for ours can run.
        this.serverUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "otklik-bench");
        return DriverManager.getConnection(url, props);
    }

    /** Creates the database if it is missing; with {@code drop} an existing one is dropped first. */
    void create(boolean drop) throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = admin.createStatement()) {
            if (drop) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + name);
        }
    }

    /** Applies the application's migrations from its source folder (the same files the app runs from its jar). */
    int migrate(Path migrations) {
        if (!Files.isDirectory(migrations)) {
            throw new IllegalArgumentException("migration folder not found: " + migrations.toAbsolutePath()
                    + " (run from the repository root or pass --migrations)");
        }
        // As the app on PostgreSQL: its migrations for PostgreSQL only sit beside the common ones.
        Path vendor = migrations.toAbsolutePath().getParent().resolve("vendor/postgresql");
        String[] locations = Files.isDirectory(vendor)
                ? new String[] {"filesystem:" + migrations.toAbsolutePath(), "filesystem:" + vendor}
                : new String[] {"filesystem:" + migrations.toAbsolutePath()};
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations(locations)
                .load()
                .migrate().migrationsExecuted;
    }

    long count(Connection connection, String table) throws SQLException {
        return single(connection, "select count(*) from " + table);
    }

    String size(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Moves every {@code *_seq} past the ids now in its table. The number sequence hands out the next ticket number;
     * the others serve pooled id generators (50 at a time), so they go a whole block past the largest id.
     */
    List<String> advanceSequences(Connection connection) throws SQLException {
        List<String> done = new ArrayList<>();
        List<String> sequences = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select sequencename from pg_sequences where schemaname = 'public'")) {
            while (rs.next()) {
                sequences.add(rs.getString(1));
            }
        }
        for (String sequence : sequences) {
            String table = sequence.equals("ticket_number_seq") ? "ticket"
                    : sequence.substring(0, sequence.length() - "_seq".length());
            if (!exists(connection, table)) {
                continue;
            }
            long max = single(connection, "select coalesce(max(id), 0) from " + table);
            if (max == 0) {
                continue;
            }
            long value = sequence.equals("ticket_number_seq") ? max : max + 50;
            single(connection, "select setval('" + sequence + "', " + value + ")");
            done.add(sequence + " → " + value);
        }
        return done;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        return single(connection, "select count(*) from information_schema.columns where table_schema = 'public' "
                + "and table_name = '" + table + "' and column_name = 'id'") > 0;
    }

    static long single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
