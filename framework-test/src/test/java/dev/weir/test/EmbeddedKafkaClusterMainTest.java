package dev.weir.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterMainTest {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path tempDir;

    private ChildJvm startBroker(int port, Path logDirectory) {
        return ChildJvm.builder(EmbeddedKafkaCluster.class.getName())
                .jvmOption("-Xmx512m")
                .args(Integer.toString(port), logDirectory.toString())
                .logFile(tempDir.resolve("broker.log"))
                .start();
    }

    @Test
    void mainPrintsTheBootstrapServersOfABrokerThatServesClients() throws Exception {
        int port = FreePort.pick();
        try (ChildJvm broker = startBroker(port, tempDir.resolve("kafka"))) {
            String line = broker.awaitLogLine(EmbeddedKafkaCluster.READY_LINE_PREFIX, STARTUP);

            assertThat(line).isEqualTo("WEIR-EMBEDDED-KAFKA bootstrap.servers=127.0.0.1:" + port);
            String bootstrapServers = "127.0.0.1:" + port;
            createTopic(bootstrapServers, "greetings");
            try (KafkaProducer<String, String> producer = TestClients.producer(bootstrapServers)) {
                producer.send(new ProducerRecord<>("greetings", "k", "hello")).get();
            }
            assertThat(TestClients.readValues(bootstrapServers, "greetings", "read_committed"))
                    .containsExactly("hello");
        }
    }

    @Test
    void brokerKilledWithSigkillRestartsOnTheSameDirectoryWithItsCommittedData() {
        int port = FreePort.pick();
        String bootstrapServers = "127.0.0.1:" + port;
        Path logDirectory = tempDir.resolve("kafka");
        try (ChildJvm broker = startBroker(port, logDirectory)) {
            broker.awaitLogLine(EmbeddedKafkaCluster.READY_LINE_PREFIX, STARTUP);
            createTopic(bootstrapServers, "survivor");
            try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(bootstrapServers, "tx-kill")) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("survivor", "k", "committed before the crash"));
                producer.commitTransaction();
            }

            broker.kill();
        }

        try (ChildJvm broker = startBroker(port, logDirectory)) {
            broker.awaitLogLine(EmbeddedKafkaCluster.READY_LINE_PREFIX, STARTUP);
            try (KafkaProducer<String, String> producer = TestClients.transactionalProducer(bootstrapServers, "tx-kill")) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("survivor", "k", "committed after the restart"));
                producer.commitTransaction();
            }

            assertThat(TestClients.readValues(bootstrapServers, "survivor", "read_committed"))
                    .isEqualTo(List.of("committed before the crash", "committed after the restart"));
        }
    }

    private static void createTopic(String bootstrapServers, String topic) {
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, Duration.ofSeconds(30))) {
            admin.create(topic, 1, Map.of());
        }
    }
}
