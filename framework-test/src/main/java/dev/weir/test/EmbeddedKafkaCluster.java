package dev.weir.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker running inside the current JVM: one node in KRaft mode that is
 * both broker and controller, listening on 127.0.0.1 only.
 *
 * <p>It is configured for tests: internal topics have replication factor 1 (so
 * transactions work on one node), groups form without delay, short session timeouts are
 * allowed and topics are never created implicitly. Use {@link #restart()} to simulate a
 * broker outage; the data survives.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start()) {
 *     kafka.createTopic("orders", 4);
 *     // clients use kafka.bootstrapServers()
 * }
 * }</pre>
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    /** The line {@link #main} prints once the broker accepts connections. */
    public static final String READY_LINE_PREFIX = "WEIR-EMBEDDED-KAFKA bootstrap.servers=";

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final int requestedPort;
    private final Path logDirectory;
    private final boolean ownsLogDirectory;
    private final Map<String, String> brokerProperties;

    private KafkaConfig config;
    private int port;
    private KafkaRaftServer server;
    private TopicAdmin topicAdmin;
    private boolean closed;

    private EmbeddedKafkaCluster(Builder builder) {
        this.requestedPort = builder.port;
        this.ownsLogDirectory = builder.logDirectory == null;
        this.logDirectory = ownsLogDirectory ? newTempDirectory() : builder.logDirectory;
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
    }

    /**
     * Starts describing a cluster.
     *
     * @return a builder with a free port and a temporary log directory
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the log directory if it is new and starts the broker. Returns once the broker
     * is registered with its controller and accepts clients.
     *
     * <p>Ports picked as free can be taken by another process before Kafka binds them; the
     * first start then picks new ones, up to three attempts.
     *
     * @return this cluster
     * @throws IllegalStateException if it is already running, was closed or fails to start
     */
    public synchronized EmbeddedKafkaCluster start() {
        if (closed) {
            throw new IllegalStateException("this cluster was closed; build a new one");
        }
        if (server != null) {
            throw new IllegalStateException("already running on " + bootstrapServers());
        }
        boolean firstStart = config == null;
        for (int attempt = 1; ; attempt++) {
            if (config == null) {
                // Ports are fixed on the first start so that a restart comes back at the same address.
                port = requestedPort == 0 ? FreePort.pick() : requestedPort;
                config = KafkaConfig.fromProps(KraftBrokerConfig.properties(
                        port, controllerPort(port), logDirectory, brokerProperties), false);
            }
            boolean formattedNow = format();
            try {
                server = startServer(config);
                return this;
            } catch (IllegalStateException e) {
                if (!firstStart || attempt == START_ATTEMPTS || !causedBy(e, BindException.class)) {
                    throw e;
                }
                // A port picked as free was taken before Kafka bound it: pick again. The
                // failed attempt registered the node under the old ports, so a directory
                // formatted just now is formatted afresh rather than reused.
                config = null;
                if (formattedNow) {
                    deleteRecursively(logDirectory);
                }
            }
        }
    }

    /**
     * The address clients connect to.
     *
     * @return {@code 127.0.0.1:<port>}
     * @throws IllegalStateException if the cluster was never started
     */
    public synchronized String bootstrapServers() {
        if (config == null) {
            throw new IllegalStateException("the cluster has not been started, so it has no port yet");
        }
        return "127.0.0.1:" + port;
    }

    /**
     * The directory holding the partition logs and the metadata log.
     *
     * @return the log directory
     */
    public Path logDirectory() {
        return logDirectory;
    }

    /**
     * Whether the broker is up (started and neither stopped by a restart nor closed).
     *
     * @return {@code true} while running
     */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Creates a topic with replication factor 1 and waits until all its partitions have a
     * leader.
     *
     * @param name       topic name
     * @param partitions number of partitions
     */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a topic with replication factor 1 and the given topic-level settings, and waits
     * until all its partitions have a leader.
     *
     * @param name         topic name
     * @param partitions   number of partitions
     * @param topicConfigs topic settings, e.g. {@code cleanup.policy=compact}
     */
    public void createTopic(String name, int partitions, Map<String, String> topicConfigs) {
        topicAdmin().create(name, partitions, topicConfigs);
    }

    /**
     * Deletes a topic and waits until the broker no longer lists it.
     *
     * @param name topic name
     */
    public void deleteTopic(String name) {
        topicAdmin().delete(name);
    }

    /**
     * Stops the broker and starts it again on the same port with the same log directory, as
     * a broker restart in production would. Committed data, transactional state and group
     * offsets survive; connected clients see a short outage and reconnect.
     *
     * @throws IllegalStateException if the cluster is not running
     */
    public synchronized void restart() {
        if (server == null) {
            throw new IllegalStateException("the cluster is not running");
        }
        shutdown(server);
        server = null;
        start();
    }

    /**
     * Stops the broker and, if the log directory was a temporary one, deletes it. Calling it
     * again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (topicAdmin != null) {
            topicAdmin.close();
            topicAdmin = null;
        }
        if (server != null) {
            shutdown(server);
            server = null;
        }
        if (ownsLogDirectory) {
            deleteRecursively(logDirectory);
        }
    }

    /**
     * Runs a broker until the process is stopped, for use as a standalone broker or from a
     * child JVM. Once the broker accepts connections it prints one line,
     * {@code WEIR-EMBEDDED-KAFKA bootstrap.servers=127.0.0.1:PORT}, to standard output.
     *
     * @param args optional: the port (0 picks a free one), then a log directory (kept)
     * @throws InterruptedException never in practice; the main thread waits until the JVM ends
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder();
        if (args.length > 0) {
            builder.port(Integer.parseInt(args[0]));
        }
        if (args.length > 1) {
            builder.logDirectory(Paths.get(args[1]));
        }
        EmbeddedKafkaCluster cluster = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "weir-embedded-kafka-shutdown"));
        cluster.start();
        System.out.println(READY_LINE_PREFIX + cluster.bootstrapServers());
        System.out.flush();
        // The broker's own threads are not daemons, but park here anyway so that the
        // process lives exactly as long as someone wants it to, and no longer.
        new CountDownLatch(1).await();
    }

    private synchronized TopicAdmin topicAdmin() {
        if (server == null) {
            throw new IllegalStateException("the cluster is not running");
        }
        if (topicAdmin == null) {
            topicAdmin = new TopicAdmin(bootstrapServers(), ADMIN_TIMEOUT);
        }
        return topicAdmin;
    }

    private boolean format() {
        try {
            return KraftStorage.formatIfNeeded(logDirectory);
        } catch (Exception e) {
            throw new IllegalStateException("could not format the log directory " + logDirectory, e);
        }
    }

    private KafkaRaftServer startServer(KafkaConfig kafkaConfig) {
        KafkaRaftServer starting = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        try {
            starting.startup();
            return starting;
        } catch (RuntimeException e) {
            IllegalStateException failure =
                    new IllegalStateException("the broker failed to start on " + bootstrapServers(), e);
            try {
                shutdown(starting);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private static int controllerPort(int brokerPort) {
        int controllerPort = FreePort.pick();
        while (controllerPort == brokerPort) {
            controllerPort = FreePort.pick();
        }
        return controllerPort;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void shutdown(KafkaRaftServer kafka) {
        kafka.shutdown();
        kafka.awaitShutdown();
    }

    private static Path newTempDirectory() {
        try {
            return Files.createTempDirectory("weir-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary log directory", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }

    /** Describes an {@link EmbeddedKafkaCluster} before it starts. */
    public static final class Builder {

        private int port;
        private Path logDirectory;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the client port on 127.0.0.1.
         *
         * @param port a port number, or 0 (the default) to pick a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the directory for the broker's data. It is formatted if empty and kept at
         * close. By default a temporary directory is used and deleted at close.
         *
         * @param logDirectory the directory
         * @return this builder
         */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = logDirectory.toAbsolutePath();
            return this;
        }

        /**
         * Sets a broker property, overriding the test defaults.
         *
         * @param name  a Kafka broker setting, e.g. {@code log.retention.ms}
         * @param value its value
         * @return this builder
         */
        public Builder brokerProperty(String name, String value) {
            brokerProperties.put(name, value);
            return this;
        }

        /**
         * Creates the cluster; it does not run until {@link EmbeddedKafkaCluster#start()}.
         *
         * @return the cluster
         */
        public EmbeddedKafkaCluster build() {
            return new EmbeddedKafkaCluster(this);
        }
    }
}
