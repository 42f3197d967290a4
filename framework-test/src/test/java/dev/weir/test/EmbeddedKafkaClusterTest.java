package dev.weir.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterTest {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static EmbeddedKafkaCluster kafka;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaCluster.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static String newTopic() {
        return "topic-" + TOPICS.incrementAndGet();
    }

    @Test
    void bootstrapServersIsTheLoopbackAddressAndPort() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void readCommittedConsumerSeesExactlyTheCommittedTransactionalRecords() {
        String topic = newTopic();
        kafka.createTopic(topic, 2);
        try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(kafka.bootstrapServers(), "tx-" + topic)) {
            sendInTransaction(producer, topic, List.of("committed-1", "committed-2"), true);
            sendInTransaction(producer, topic, List.of("aborted-1", "aborted-2"), false);
            sendInTransaction(producer, topic, List.of("committed-3"), true);
        }

        assertThat(TestClients.readValues(kafka.bootstrapServers(), topic, "read_committed"))
                .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
        // The aborted records really are in the log; only the isolation level hides them.
        assertThat(TestClients.readValues(kafka.bootstrapServers(), topic, "read_uncommitted"))
                .containsExactlyInAnyOrder("committed-1", "committed-2", "aborted-1", "aborted-2", "committed-3");
    }

    @Test
    void createTopicAppliesPartitionCountAndTopicConfigs() throws Exception {
        String topic = newTopic();

        kafka.createTopic(topic, 3, Map.of("cleanup.policy", "compact"));

        try (Admin admin = admin(kafka)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(3)
                    .allSatisfy(partition -> assertThat(partition.leader()).isNotNull());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void createTopicFailsForAnExistingTopic() {
        String topic = newTopic();
        kafka.createTopic(topic, 1);

        assertThatThrownBy(() -> kafka.createTopic(topic, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic);
    }

    @Test
    void deleteTopicRemovesTheTopicAndItsRecords() throws Exception {
        String topic = newTopic();
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "k", "before deletion")).get();
        }

        kafka.deleteTopic(topic);

        try (Admin admin = admin(kafka)) {
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);
        }
        kafka.createTopic(topic, 1);
        assertThat(TestClients.readValues(kafka.bootstrapServers(), topic, "read_committed")).isEmpty();
    }

    @Test
    void brokerIsConfiguredForTestsOnASingleNode() throws Exception {
        Map<String, String> config = brokerConfig(kafka);

        assertThat(config).containsEntry("auto.create.topics.enable", "false")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("group.min.session.timeout.ms", "1000");
    }

    @Test
    void brokerPropertyOverridesTheTestDefaults() throws Exception {
        try (EmbeddedKafkaCluster custom = EmbeddedKafkaCluster.builder()
                .brokerProperty("auto.create.topics.enable", "true")
                .brokerProperty("log.retention.ms", "123456")
                .build().start()) {
            assertThat(brokerConfig(custom)).containsEntry("auto.create.topics.enable", "true")
                    .containsEntry("log.retention.ms", "123456");
        }
    }

    @Test
    void restartKeepsCommittedDataAndTransactionsKeepWorking() {
        try (EmbeddedKafkaCluster restarted = EmbeddedKafkaCluster.builder().build().start()) {
            String bootstrapServers = restarted.bootstrapServers();
            restarted.createTopic("events", 1);
            try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(bootstrapServers, "tx-restart")) {
                sendInTransaction(producer, "events", List.of("before restart"), true);
            }

            restarted.restart();

            assertThat(restarted.bootstrapServers()).isEqualTo(bootstrapServers);
            try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(bootstrapServers, "tx-restart")) {
                sendInTransaction(producer, "events", List.of("after restart"), true);
            }
            assertThat(TestClients.readValues(bootstrapServers, "events", "read_committed"))
                    .containsExactly("before restart", "after restart");
            restarted.createTopic("created-after-restart", 1);
        }
    }

    @Test
    void newClusterOnAnExistingLogDirectoryAndPortFindsTheEarlierData() {
        Path logDirectory = tempDir.resolve("kafka");
        int port = FreePort.pick();
        try (EmbeddedKafkaCluster first = EmbeddedKafkaCluster.builder().port(port).logDirectory(logDirectory).build().start()) {
            assertThat(first.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            first.createTopic("kept", 1);
            try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(first.bootstrapServers(), "tx-kept")) {
                sendInTransaction(producer, "kept", List.of("from the first cluster"), true);
            }
        }
        assertThat(logDirectory.resolve("meta.properties")).exists();

        try (EmbeddedKafkaCluster second = EmbeddedKafkaCluster.builder().port(port).logDirectory(logDirectory).build().start()) {
            assertThat(TestClients.readValues(second.bootstrapServers(), "kept", "read_committed"))
                    .containsExactly("from the first cluster");
        }
    }

    @Test
    void twoClustersRunSideBySideOnDistinctPortsWithSeparateData() {
        try (EmbeddedKafkaCluster other = EmbeddedKafkaCluster.builder().build().start()) {
            assertThat(other.bootstrapServers()).isNotEqualTo(kafka.bootstrapServers());
            String topic = newTopic();
            kafka.createTopic(topic, 1);
            other.createTopic(topic, 1);
            send(kafka, topic, "on the shared cluster");
            send(other, topic, "on the other cluster");

            assertThat(TestClients.readValues(kafka.bootstrapServers(), topic, "read_committed"))
                    .containsExactly("on the shared cluster");
            assertThat(TestClients.readValues(other.bootstrapServers(), topic, "read_committed"))
                    .containsExactly("on the other cluster");
        }
    }

    @Test
    void startFailsWhenTheRequestedPortIsTaken() throws Exception {
        try (ServerSocket occupant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder().port(occupant.getLocalPort()).build()) {
            assertThatThrownBy(cluster::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + occupant.getLocalPort())
                    .hasRootCauseInstanceOf(BindException.class);
            assertThat(cluster.isRunning()).isFalse();
        }
    }

    @Test
    void closeIsIdempotentAndDeletesTheTemporaryLogDirectory() {
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder().build();
        Path logDirectory = cluster.logDirectory();
        cluster.start();
        assertThat(cluster.isRunning()).isTrue();

        cluster.close();
        cluster.close();

        assertThat(cluster.isRunning()).isFalse();
        assertThat(Files.exists(logDirectory)).isFalse();
        assertThatThrownBy(cluster::start).isInstanceOf(IllegalStateException.class);
    }

    private static void send(EmbeddedKafkaCluster cluster, String topic, String value) {
        try (KafkaProducer<String, String> producer = TestClients.producer(cluster.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, String topic,
            List<String> values, boolean commit) {
        producer.beginTransaction();
        values.forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static Map<String, String> brokerConfig(EmbeddedKafkaCluster cluster) throws Exception {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        try (Admin admin = admin(cluster)) {
            Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
            Map<String, String> values = new HashMap<>();
            config.entries().forEach(entry -> {
                if (entry.value() != null) {
                    values.put(entry.name(), entry.value());
                }
            });
            return values;
        }
    }

    private static Admin admin(EmbeddedKafkaCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }
}
