package dev.weir.benchmarks.flink;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Kafka (broker and controller, KRaft) in this JVM, at the Kafka version of this module's
 * connector. Weir's own test kit runs Kafka 4.3.1, which cannot share a class path with the connector's
 * kafka-clients, hence this small copy of the same idea: internal topics with replication factor 1 so
 * that transactions and group offsets work on one node, groups formed without delay.
 */
final class KraftBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path logDirectory;
    private final int port;
    private final KafkaRaftServer server;
    private final Admin admin;

    private KraftBroker(Path logDirectory, int port, KafkaRaftServer server) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.server = server;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /**
     * Formats a temporary log directory and starts the node on free ports.
     *
     * @return the running broker
     * @throws Exception if it cannot be formatted or started
     */
    static KraftBroker start() throws Exception {
        Path logDirectory = Files.createTempDirectory("flink-bench-kafka-");
        int port = freePort();
        int controllerPort = freePort();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .addDirectory(logDirectory.toString())
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                // Without it no feature is enabled, e.g. transaction.version stays 0.
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .run();
        KafkaRaftServer server = new KafkaRaftServer(
                KafkaConfig.fromProps(properties(port, controllerPort, logDirectory), false), Time.SYSTEM);
        server.startup();
        return new KraftBroker(logDirectory, port, server);
    }

    /**
     * Runs a broker until the process is stopped, for trying FlinkRunner by hand. Prints
     * {@code bootstrap.servers=127.0.0.1:PORT} once it accepts clients.
     *
     * @param args the topics to create, as {@code name:partitions}
     * @throws Exception if it cannot start
     */
    public static void main(String[] args) throws Exception {
        KraftBroker broker = start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        for (String topic : args) {
            String[] nameAndPartitions = topic.split(":");
            broker.createTopic(nameAndPartitions[0], Integer.parseInt(nameAndPartitions[1]));
        }
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates a topic and returns once every partition has a leader (a producer sent to it sooner is refused). */
    void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> hasLeaders(name, partitions));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create " + name, e.getCause());
        }
    }

    private boolean hasLeaders(String topic, int partitions) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return description.partitions().size() == partitions
                && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    @Override
    public void close() {
        admin.close();
        server.shutdown();
        server.awaitShutdown();
        deleteRecursively(logDirectory);
    }

    private static Properties properties(int port, int controllerPort, Path logDirectory) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        // One node: the coordinators' topics cannot have the default three replicas.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return props;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
