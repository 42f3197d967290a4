package dev.weir.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaCluster;

/**
 * The broker the benchmark runs against: a single-node KRaft Kafka in a child JVM (so that its
 * CPU is not charged to the measured process), or a broker somebody else runs.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm child;
    private final String bootstrapServers;
    private boolean stopped;

    private BrokerProcess(ChildJvm child, String bootstrapServers) {
        this.child = child;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts {@link EmbeddedKafkaCluster#main} in a child JVM and waits until it accepts clients. */
    public static BrokerProcess startChild(String heap, Path logFile) {
        ChildJvm.Builder builder = ChildJvm.builder(EmbeddedKafkaCluster.class.getName());
        for (String option : heap.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                builder.jvmOption(option);
            }
        }
        ChildJvm child = builder.jvmOption("-XX:+UseG1GC").logFile(logFile).start();
        BrokerProcess broker;
        try {
            String line = child.awaitLogLine(EmbeddedKafkaCluster.READY_LINE_PREFIX, START_TIMEOUT);
            String servers = line.substring(line.indexOf(EmbeddedKafkaCluster.READY_LINE_PREFIX)
                    + EmbeddedKafkaCluster.READY_LINE_PREFIX.length()).trim();
            broker = new BrokerProcess(child, servers);
        } catch (RuntimeException | AssertionError e) {
            child.kill();
            throw e;
        }
        // Ctrl-C on the benchmark should not leave a broker (and its data) behind.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "weir-benchmark-broker-stop"));
        return broker;
    }

    /** A broker that is already running and is not ours to stop. */
    public static BrokerProcess external(String bootstrapServers) {
        return new BrokerProcess(null, bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The child's pid, or -1 for an external broker. */
    public long pid() {
        return child == null ? -1 : child.pid();
    }

    public String describe() {
        return child == null ? "external broker " + bootstrapServers
                : "child JVM (pid " + child.pid() + ", log " + child.logFile() + ") at " + bootstrapServers;
    }

    /** Stops a child broker with SIGTERM, so that it deletes its temporary log directory. */
    @Override
    public synchronized void close() {
        if (stopped || child == null) {
            return;
        }
        stopped = true;
        child.stop(STOP_TIMEOUT);
    }
}
