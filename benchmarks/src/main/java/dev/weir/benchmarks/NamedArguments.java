package dev.weir.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options given as program arguments {@code name=value} (or {@code --name=value}) and, failing
 * that, as system properties {@code <prefix>name}. An unknown name is an error that lists the
 * usage, so that a typo does not silently measure the default.
 */
public final class NamedArguments {

    private final Map<String, String> values;

    private NamedArguments(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param args            program arguments
     * @param known           the names accepted
     * @param propertyPrefix  prefix of the system properties read (e.g. {@code bench.}), or null for none
     * @param usage           appended to the error about an unknown name
     * @return the values given
     * @throws IllegalArgumentException naming an unknown option
     */
    public static NamedArguments parse(String[] args, Set<String> known, String propertyPrefix, String usage) {
        Map<String, String> values = new LinkedHashMap<>();
        if (propertyPrefix != null) {
            for (String name : known) {
                String property = System.getProperty(propertyPrefix + name);
                if (property != null) {
                    values.put(name, property);
                }
            }
        }
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            if (a.isBlank()) {
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'" + System.lineSeparator() + usage);
            }
            values.put(name, eq < 0 ? "true" : a.substring(eq + 1));
        }
        return new NamedArguments(values);
    }

    /** Whether the option was given at all. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's value, trimmed, or {@code fallback} when it was not given. */
    public String get(String name, String fallback) {
        String v = values.get(name);
        return v == null ? fallback : v.trim();
    }

    /** The option's value, which must be given. */
    public String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing option " + name + "=...");
        }
        return v.trim();
    }

    /** An integer option ({@code _} allowed as a digit separator). */
    public long getLong(String name, long fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Long.parseLong(v.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a whole number, not '" + v + "'", e);
        }
    }

    /** A comma-separated option, blank parts dropped. */
    public List<String> list(String name, String fallback) {
        List<String> result = new ArrayList<>();
        for (String part : get(name, fallback).split(",")) {
            if (!part.isBlank()) {
                result.add(part.trim());
            }
        }
        return result;
    }
}
