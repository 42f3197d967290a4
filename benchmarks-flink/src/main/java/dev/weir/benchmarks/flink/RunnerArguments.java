package dev.weir.benchmarks.flink;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program arguments of a benchmark runner, all {@code name=value}, as the comparison benchmark's
 * orchestrator passes them to every system's runner.
 *
 * @param workload          what the job computes
 * @param bootstrapServers  the broker
 * @param input             the input topic (exists)
 * @param output            the output topic (exists)
 * @param applicationId     the consumer group on the input and the transactional-id prefix of the sink
 * @param stateDir          a fresh directory for checkpoints and RocksDB
 * @param commitIntervalMs  the checkpoint interval: output becomes visible and offsets are committed
 *                          once per checkpoint
 * @param parallelism       parallel instances of every operator (one MiniCluster slot each)
 */
public record RunnerArguments(Workload workload, String bootstrapServers, String input, String output,
        String applicationId, Path stateDir, long commitIntervalMs, int parallelism) {

    /**
     * Reads {@code workload=}, {@code bootstrap-servers=}, {@code input=}, {@code output=},
     * {@code application-id=}, {@code state-dir=} (all required), {@code commit-interval-ms=} (100 by
     * default) and {@code parallelism=} (1 by default).
     *
     * @param args the program arguments
     * @return the parsed arguments
     * @throws IllegalArgumentException if an argument is malformed, unknown or missing
     */
    public static RunnerArguments parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + arg + "'");
            }
            values.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        RunnerArguments parsed = new RunnerArguments(
                Workload.parse(required(values, "workload")),
                required(values, "bootstrap-servers"),
                required(values, "input"),
                required(values, "output"),
                required(values, "application-id"),
                Path.of(required(values, "state-dir")).toAbsolutePath(),
                Long.parseLong(values.getOrDefault("commit-interval-ms", "100")),
                Integer.parseInt(values.getOrDefault("parallelism", "1")));
        values.keySet().removeAll(List.of("workload", "bootstrap-servers", "input", "output",
                "application-id", "state-dir", "commit-interval-ms", "parallelism"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + values.keySet());
        }
        if (parsed.commitIntervalMs <= 0 || parsed.parallelism <= 0) {
            throw new IllegalArgumentException("commit-interval-ms and parallelism must be positive");
        }
        return parsed;
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing argument " + name + "=");
        }
        return value;
    }
}
