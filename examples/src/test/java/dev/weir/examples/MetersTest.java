package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.weir.config.WeirConfig;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's meters on the real broker: what an instance of a stateful, event-time pipeline
 * registers, what they count, and that they go when it stops.
 */
class MetersTest {

    private static final int RECORDS = 600;

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void aRunningInstanceCountsItsWorkPerTaskAndRemovesItsMetersWhenItStops(@TempDir Path stateDir) {
        kafka.createTopic("meters-in", 3);
        kafka.createTopic("meters-out", 3);
        long base = System.currentTimeMillis() - 600_000;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>("meters-in", i % 3, "p" + (i % 3),
                        i + "," + (base + 100L * i) + ",r" + (i % 5)));
            }
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WeirConfig config = WeirConfig.custom().applicationId("meters").bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).build();
        try (WeirRuntime runtime = new WeirRuntime(WindowedRegionCount.pipeline("meters-in", "meters-out"), config,
                registry)) {
            runtime.start();
            ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "meters-out", new StringDeserializer(),
                    new LongDeserializer()).awaitCommittedRecords(1, Duration.ofSeconds(60));
            runtime.triggerCheckpoint().join();
            String instance = runtime.instanceId();
            // Meters read state Micrometer may hold only weakly: it must survive a collection.
            System.gc();

            // Stage 0 reads the input, stage 1 the repartition topic, where the upstream tasks also write watermarks.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    sum(registry, "weir.records.consumed", "task", "0_") == RECORDS);
            assertThat(registry.get("weir.records.consumed").tag("application", "meters").tag("instance", instance)
                    .tag("task", "1_0").functionCounter().count()).isPositive();
            assertThat(registry.get("weir.records.produced").counter().count()).isGreaterThanOrEqualTo(RECORDS);
            assertThat(registry.get("weir.checkpoint.duration").timer().count()).isPositive();
            assertThat(registry.get("weir.checkpoint.size").summary().totalAmount()).isPositive();
            assertThat(registry.get("weir.checkpoint.alignment").timer().count()).isPositive();
            assertThat(registry.get("weir.record.latency").timer().max(TimeUnit.MILLISECONDS)).isPositive();
            assertThat(registry.get("weir.state.size").tag("task", "1_0").gauge().value()).isGreaterThanOrEqualTo(0);
            assertThat(registry.find("weir.state.size").tag("task", "0_0").gauge())
                    .as("the re-keying stage keeps no state").isNull();
            assertThat(registry.get("weir.watermark.lag").tag("task", "1_0").timeGauge().value(TimeUnit.SECONDS))
                    .as("the events are ten to nine minutes old").isGreaterThan(300);
            assertThat(registry.get("weir.tasks.active").gauge().value()).isEqualTo(6);
            assertThat(registry.get("weir.checkpoints.completed").functionCounter().count()).isPositive();
            assertThat(registry.get("weir.backpressure").functionCounter().count()).isZero();
            assertThat(registry.get("weir.workers").tag("phase", "running").gauge().value()).isEqualTo(1);
            assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                    .anyMatch(name -> name.startsWith("kafka.consumer.")).anyMatch(name -> name.startsWith("kafka.producer."));
        }

        assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                .noneMatch(name -> name.startsWith("weir."));
    }

    private static double sum(SimpleMeterRegistry registry, String name, String tag, String prefix) {
        double total = 0;
        for (Meter meter : registry.find(name).meters()) {
            String value = meter.getId().getTag(tag);
            if (value != null && value.startsWith(prefix)) {
                for (var measurement : meter.measure()) {
                    total += measurement.getValue();
                }
            }
        }
        return total;
    }
}
