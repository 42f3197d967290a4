package dev.weir.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The contract between the comparison benchmark and the runner of one system in its child JVM:
 * the program arguments, and the line the runner prints once it processes.
 *
 * <p>A runner reads {@link #input} from the earliest offset as consumer group
 * {@link #applicationId}, writes {@link #output} exactly once, commits the consumed offsets to
 * the group (in the output's transaction, or once the checkpoint that covers them completed),
 * prints {@link #RUNNING_LINE} once it is started, and runs until {@code SIGTERM}, on which it
 * closes and exits with 0; on a processing failure it exits with 1.
 */
public final class RunnerArguments {

    /** What a runner prints on standard output once it processes. */
    public static final String RUNNING_LINE = "WEIR-BENCH-RUNNING";

    private static final Set<String> NAMES = Set.of("workload", "bootstrap-servers", "input", "output",
            "application-id", "state-dir", "commit-interval-ms", "parallelism");
    private static final String USAGE = "runner options: workload= bootstrap-servers= input= output= application-id= "
            + "state-dir= [commit-interval-ms=100] [parallelism=1]";

    /** The workload's label, e.g. {@code window-count}. */
    public final String workload;
    /** The broker. */
    public final String bootstrapServers;
    /** The input topic. */
    public final String input;
    /** The output topic, which exists. */
    public final String output;
    /** The consumer group, and the application id or transactional id prefix. */
    public final String applicationId;
    /** An empty directory for local state. */
    public final Path stateDir;
    /** How often output and offsets commit (a transaction, a checkpoint). */
    public final Duration commitInterval;
    /** Processing threads, workers or parallel instances. */
    public final int parallelism;

    /**
     * @param workload         the workload's label
     * @param bootstrapServers the broker
     * @param input            the input topic
     * @param output           the output topic
     * @param applicationId    the consumer group and application id
     * @param stateDir         an empty directory for local state
     * @param commitInterval   how often output and offsets commit
     * @param parallelism      processing threads, workers or parallel instances
     */
    public RunnerArguments(String workload, String bootstrapServers, String input, String output, String applicationId,
                           Path stateDir, Duration commitInterval, int parallelism) {
        this.workload = workload;
        this.bootstrapServers = bootstrapServers;
        this.input = input;
        this.output = output;
        this.applicationId = applicationId;
        this.stateDir = stateDir;
        this.commitInterval = commitInterval;
        this.parallelism = parallelism;
    }

    /**
     * Reads the runner's program arguments.
     *
     * @param args {@code name=value} arguments
     * @return the arguments
     * @throws IllegalArgumentException naming a missing or unknown option
     */
    public static RunnerArguments parse(String[] args) {
        NamedArguments values = NamedArguments.parse(args, NAMES, null, USAGE);
        return new RunnerArguments(values.require("workload"), values.require("bootstrap-servers"),
                values.require("input"), values.require("output"), values.require("application-id"),
                Paths.get(values.require("state-dir")), Duration.ofMillis(values.getLong("commit-interval-ms", 100)),
                (int) values.getLong("parallelism", 1));
    }

    /** The program arguments that {@link #parse} reads back. */
    public List<String> toArgs() {
        return List.of("workload=" + workload, "bootstrap-servers=" + bootstrapServers, "input=" + input,
                "output=" + output, "application-id=" + applicationId, "state-dir=" + stateDir.toAbsolutePath(),
                "commit-interval-ms=" + commitInterval.toMillis(), "parallelism=" + parallelism);
    }
}
