package io.otklik.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the form {@code --name value} or {@code --flag}; unknown names stop the program. */
final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args() {
    }

    static Args parse(String[] raw, Set<String> known) {
        Args args = new Args();
        for (int i = 0; i < raw.length; i++) {
            String name = raw[i];
            if (!name.startsWith("--") || name.length() < 3) {
                throw new IllegalArgumentException("expected an option like --name, got: " + name);
            }
            name = name.substring(2);
            String value = "true";
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < raw.length && !raw[i + 1].startsWith("--")) {
                value = raw[++i];
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --"
                        + String.join(", --", new java.util.TreeSet<>(known)));
            }
            args.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return args;
    }

    /** Runs a tool's main body; a usage or state problem ends it with one clear line instead of a stack trace. */
    static void guard(Body body) throws Exception {
        try {
            body.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** A tool's main body. */
    interface Body {
        void run() throws Exception;
    }

    String get(String name, String fallback) {
        List<String> list = values.get(name);
        return list == null ? fallback : list.getLast();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    long getLong(String name, long fallback) {
        String value = get(name, null);
        return value == null ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
    }

    double getDouble(String name, double fallback) {
        String value = get(name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    int getInt(String name, int fallback) {
        return Math.toIntExact(getLong(name, fallback));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
