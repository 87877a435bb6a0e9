package io.otklik.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drops the plain indexes of the bulk-loaded tables before the load and builds them again after: one sorted build
 * is many times faster than keeping each index up to date row by row. Primary keys and unique constraints stay.
 */
final class SecondaryIndexes {

    private final List<String> definitions = new ArrayList<>();

    /** Remembers and drops the indexes of {@code tables} that no constraint owns. */
    void drop(Connection connection, List<String> tables) throws SQLException {
        String names = String.join("','", tables);
        List<String> drops = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select i.indexname, i.indexdef from pg_indexes i where i.schemaname = 'public' and i.tablename in ('"
                        + names + "') and not exists (select 1 from pg_constraint c where c.conindid = "
                        + "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)")) {
            while (rs.next()) {
                drops.add("drop index " + rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String drop : drops) {
                s.execute(drop);
            }
        }
    }

    int size() {
        return definitions.size();
    }

    /** Builds the dropped indexes again, a few at a time, each with generous sort memory. */
    void recreate(Database database, int parallel) throws Exception {
        if (definitions.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<?>> builds = new ArrayList<>();
            for (String ddl : definitions) {
                builds.add(pool.submit(() -> {
                    try (Connection c = database.connect(); Statement s = c.createStatement()) {
                        s.execute("set maintenance_work_mem = '512MB'");
                        s.execute(ddl);
                    }
                    return null;
                }));
            }
            for (Future<?> build : builds) {
                build.get();
            }
        }
        definitions.clear();
    }
}
