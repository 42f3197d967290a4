package dev.weir.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaCluster;

/**
 * A single-node KRaft broker ({@link EmbeddedKafkaCluster}) in a child JVM of its own, on a
 * fixed port and log directory, so that it can be stopped and started again with its data while
 * clients keep running, as in a rolling restart.
 */
final class BrokerProcess {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration CLEAN_STOP = Duration.ofMinutes(1);

    private final ChildProcesses processes;
    private final int port;
    private final Path logDirectory;
    private final Path logFile;
    private ChildJvm broker;

    /**
     * Describes the broker; nothing runs yet.
     *
     * @param processes    where the broker's JVMs are registered
     * @param logDirectory the broker's data, kept across restarts
     * @param logFile      the broker's output, appended to across restarts
     */
    BrokerProcess(ChildProcesses processes, Path logDirectory, Path logFile) {
        this.processes = processes;
        this.port = freePort();
        this.logDirectory = logDirectory;
        this.logFile = logFile;
    }

    /** Starts the broker and returns once it accepts clients. */
    void start() {
        broker = processes.start(ChildJvm.builder(EmbeddedKafkaCluster.class.getName())
                .jvmOption("-Xmx1g")
                .systemProperty("log4j2.configurationFile", ChildProcesses.CHILD_LOGGING)
                .args(Integer.toString(port), logDirectory.toString())
                .logFile(logFile));
        broker.awaitLogLine(EmbeddedKafkaCluster.READY_LINE_PREFIX, STARTUP);
    }

    /**
     * Stops the broker cleanly (SIGTERM; its shutdown hook closes Kafka), keeps it down for the
     * given outage, and starts it again on the same port with the same data.
     *
     * @param outage how long the broker stays down after it has stopped
     * @return the exit code of the stopped broker JVM
     * @throws InterruptedException if interrupted during the outage
     */
    int restart(Duration outage) throws InterruptedException {
        int exitCode = broker.stop(CLEAN_STOP);
        // The outage is part of the scenario, not a wait for a condition.
        Thread.sleep(outage.toMillis());
        start();
        return exitCode;
    }

    /** @return the address clients connect to */
    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }
}
