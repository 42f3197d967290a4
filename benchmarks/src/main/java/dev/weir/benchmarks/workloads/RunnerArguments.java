package dev.weir.benchmarks.workloads;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The program arguments of a runner child JVM, all {@code name=value}: {@code workload},
 * {@code bootstrap-servers}, {@code input}, {@code output}, {@code application-id},
 * {@code state-dir}, and optionally {@code commit-interval-ms} (100) and {@code parallelism} (1).
 *
 * @param workload what to run
 * @param bootstrapServers the broker
 * @param input the input topic
 * @param output the output topic
 * @param applicationId the consumer group on the input, and the prefix of the system's own names
 * @param stateDir a fresh directory for local state
 * @param commitIntervalMs the commit or checkpoint interval
 * @param parallelism threads or parallel instances
 */
public record RunnerArguments(ComparedWorkload workload, String bootstrapServers, String input, String output,
                              String applicationId, Path stateDir, long commitIntervalMs, int parallelism) {

    /** What a runner prints on standard output once it processes. */
    public static final String RUNNING_LINE = "WEIR-BENCH-RUNNING";

    private static final Set<String> NAMES = Set.of("workload", "bootstrap-servers", "input", "output",
            "application-id", "state-dir", "commit-interval-ms", "parallelism");

    /**
     * Reads the arguments.
     *
     * @throws IllegalArgumentException naming the argument that is missing, unknown or malformed
     */
    public static RunnerArguments parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1 || !NAMES.contains(arg.substring(0, eq))) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': expected name=value with name one of "
                        + NAMES);
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new RunnerArguments(ComparedWorkload.parse(required(values, "workload")),
                required(values, "bootstrap-servers"), required(values, "input"), required(values, "output"),
                required(values, "application-id"), Path.of(required(values, "state-dir")),
                positive(values, "commit-interval-ms", 100), (int) positive(values, "parallelism", 1));
    }

    /** The program arguments that {@link #parse} reads back. */
    public List<String> toArgs() {
        return List.of("workload=" + workload.label(), "bootstrap-servers=" + bootstrapServers, "input=" + input,
                "output=" + output, "application-id=" + applicationId, "state-dir=" + stateDir.toAbsolutePath(),
                "commit-interval-ms=" + commitIntervalMs, "parallelism=" + parallelism);
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing argument " + name + "=");
        }
        return value;
    }

    private static long positive(Map<String, String> values, String name, long defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a positive whole number");
        }
    }
}
