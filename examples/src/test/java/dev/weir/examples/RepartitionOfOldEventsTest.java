package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.weir.config.WeirConfig;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.EmbeddedKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying events older than the broker's retention through a repartition: the repartition
 * records carry the events' timestamps, so a repartition topic with the broker's default
 * time-based retention would lose them at the broker's next retention check, here every half
 * second.
 */
class RepartitionOfOldEventsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    private static EmbeddedKafkaCluster kafka;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaCluster.builder().brokerProperty("log.retention.check.interval.ms", "500").build().start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void eventsOlderThanTheBrokersRetentionAllReachTheSecondStage() throws Exception {
        kafka.createTopic("old-events-in", 2, KEEP_FOREVER);
        kafka.createTopic("old-events-out", 2, KEEP_FOREVER);
        long monthAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(30);
        Map<String, Long> perRegion = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 2_000; i++) {
                String region = "region-" + (i % 7);
                perRegion.merge(region, 1L, Long::sum);
                producer.send(new ProducerRecord<>("old-events-in", null, monthAgo + i, "account-" + i, region + ",1"));
            }
            producer.flush();
        }
        WeirConfig config = WeirConfig.custom().applicationId("old-events").bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).build();

        Map<String, Long> counted = new HashMap<>();
        try (WeirRuntime runtime = new WeirRuntime(TwoStageCount.pipeline("old-events-in", "old-events-out"), config);
             KafkaConsumer<String, Long> output = committedReader()) {
            runtime.start();
            assertThat(retentionMs("old-events-region-count-repartition")).isEqualTo("-1");
            output.subscribe(List.of("old-events-out"));
            await().atMost(TIMEOUT).until(() -> {
                for (ConsumerRecord<String, Long> r : output.poll(Duration.ofMillis(200))) {
                    counted.merge(r.key(), r.value(), Math::max);
                }
                return counted.equals(perRegion);
            });
        }
        assertThat(counted).isEqualTo(perRegion);
    }

    private static KafkaConsumer<String, Long> committedReader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "old-events-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new LongDeserializer());
    }

    private static String retentionMs(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config topicConfig = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            return topicConfig.get(TopicConfig.RETENTION_MS_CONFIG).value();
        }
    }
}
