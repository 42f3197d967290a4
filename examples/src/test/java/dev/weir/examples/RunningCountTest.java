package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.weir.config.WeirConfig;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RunningCountTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void countsEveryKeyExactlyOnceAcrossRestartsOfOneInProcessInstance(@TempDir Path stateDir) {
        kafka.createTopic("rc-in", 6);
        kafka.createTopic("rc-out", 6);
        Map<String, List<Long>> expected = new HashMap<>();
        WeirConfig config = WeirConfig.custom().applicationId("rc-test").bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).workers(2).build();
        try (KafkaProducer<String, String> producer = producer()) {
            produce(producer, 0, 20_000, expected);
            try (WeirRuntime runtime = new WeirRuntime(RunningCount.pipeline("rc-in", "rc-out"), config)) {
                runtime.start();
                awaitOutput(20_000);
            }
            produce(producer, 20_000, 40_000, expected);
            try (WeirRuntime runtime = new WeirRuntime(RunningCount.pipeline("rc-in", "rc-out"), config)) {
                runtime.start();
                awaitOutput(40_000);
            }
        }
        CheckReport<String, Long> report = checker().checkPerKeySequences(expected);
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
        assertThat(report.recordsRead()).isEqualTo(40_000);
    }

    private static void produce(KafkaProducer<String, String> producer, int from, int to, Map<String, List<Long>> expected) {
        for (int i = from; i < to; i++) {
            String key = "k" + (i % 500);
            producer.send(new ProducerRecord<>("rc-in", key, Integer.toString(i)));
            List<Long> counts = expected.computeIfAbsent(key, k -> new java.util.ArrayList<>());
            counts.add((long) counts.size() + 1);
        }
        producer.flush();
    }

    private static void awaitOutput(long count) {
        checker().awaitCommittedRecords(count, Duration.ofSeconds(60));
    }

    private static ExactlyOnceChecker<String, Long> checker() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "rc-out", new StringDeserializer(), new LongDeserializer());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }
}
