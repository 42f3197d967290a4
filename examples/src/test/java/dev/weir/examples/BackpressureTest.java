package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.weir.config.WeirConfig;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.runtime.WeirRuntime;
import dev.weir.runtime.WorkerStatus;
import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink that cannot keep up, on the real broker: a produce quota throttles the worker's
 * producer to a fraction of what the worker reads. The worker must pause its partitions while
 * its small producer buffer is full, instead of reading on, resume when it drains, report the
 * time it spent so, and still write every record exactly once.
 */
class BackpressureTest {

    private static final int RECORDS = 20_000;
    private static final String VALUE = "v".repeat(200);

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void aThrottledSinkPausesTheWorkersPartitionsAndLosesNothing(@TempDir Path stateDir) throws Exception {
        kafka.createTopic("bp-in", 6);
        kafka.createTopic("bp-out", 6);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "bp-in", i -> "key-" + (i % 100), i -> i + VALUE);
        input.produce(0, RECORDS);
        // The worker's producer is "<application>-<instance>-<worker>-producer".
        throttle("bp-i1-0-producer", 200_000);
        WeirConfig config = WeirConfig.custom().applicationId("bp").instanceId("i1")
                .bootstrapServers(kafka.bootstrapServers()).stateDir(stateDir)
                .producerProperty(ProducerConfig.BUFFER_MEMORY_CONFIG, 128 * 1024)
                .producerProperty(ProducerConfig.BATCH_SIZE_CONFIG, 16 * 1024)
                .build();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Duration backpressured;
        double backpressureMeter;
        try (WeirRuntime runtime = new WeirRuntime(passThrough(), config, meters)) {
            runtime.start();
            checker().awaitCommittedRecords(RECORDS, Duration.ofMinutes(2));
            backpressured = runtime.status().workers().stream().map(WorkerStatus::backpressured)
                    .reduce(Duration.ZERO, Duration::plus);
            backpressureMeter = meters.get("weir.backpressure").functionCounter().count();
        }

        assertThat(backpressured).as("time the worker kept its partitions paused for its output").isPositive();
        assertThat(backpressureMeter).as("the weir.backpressure meter, in seconds").isPositive();
        CheckReport<String, String> report = checker().checkPerKeySequences(input.values(RECORDS));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    private static Pipeline passThrough() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues("bp-in", new StringDeserializer(), new StringDeserializer()))
                .map(kv -> KeyValue.of(kv.key(), kv.value())).uid("copy")
                .sinkTo(KafkaSink.keyValues("bp-out", new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    private static void throttle(String clientId, double bytesPerSecond) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(
                    new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId)),
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond))))).all().get();
        }
    }

    private static ExactlyOnceChecker<String, String> checker() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "bp-out", new StringDeserializer(),
                new StringDeserializer());
    }
}
