package dev.weir.benchmarks.kstreams;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The program arguments of a benchmark runner, all {@code name=value} (see the benchmark
 * contract): {@code workload}, {@code bootstrap-servers}, {@code input}, {@code output},
 * {@code application-id}, {@code state-dir}, and optionally {@code commit-interval-ms}
 * (default 100) and {@code parallelism} (default 1).
 *
 * @param workload         passthrough, window-count, fraud, nexmark-q5 or nexmark-q7
 * @param bootstrapServers the broker
 * @param input            the input topic
 * @param output           the output topic
 * @param applicationId    the Kafka Streams application id, which is the group of the input
 * @param stateDir         where the local state (RocksDB) lives
 * @param commitIntervalMs Kafka Streams' commit interval
 * @param parallelism      the number of stream threads
 */
public record RunnerArguments(String workload, String bootstrapServers, String input, String output,
        String applicationId, Path stateDir, long commitIntervalMs, int parallelism) {

    private static final Set<String> NAMES = Set.of("workload", "bootstrap-servers", "input", "output",
            "application-id", "state-dir", "commit-interval-ms", "parallelism");

    /**
     * Reads the arguments.
     *
     * @param args {@code name=value} pairs
     * @return the arguments
     * @throws IllegalArgumentException if one is malformed, unknown or missing
     */
    public static RunnerArguments parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + arg + "'");
            }
            String name = arg.substring(0, equals);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + name + "'; known: " + NAMES);
            }
            values.put(name, arg.substring(equals + 1));
        }
        return new RunnerArguments(required(values, "workload"), required(values, "bootstrap-servers"),
                required(values, "input"), required(values, "output"), required(values, "application-id"),
                Path.of(required(values, "state-dir")),
                Long.parseLong(values.getOrDefault("commit-interval-ms", "100")),
                Integer.parseInt(values.getOrDefault("parallelism", "1")));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing argument " + name + "=...");
        }
        return value;
    }
}
