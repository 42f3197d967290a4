package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.weir.config.WeirConfig;
import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.TimeDomain;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.runtime.TaskStatus;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-time timers of a keyed process function on the real broker: each event registers a
 * timer 10 ms after itself; with 5 ms of out-of-orderness the watermark trails the highest
 * event by 6 ms, and timers fire in timestamp order as it passes them.
 *
 * <pre>
 * event:      10   30   20   50       45 (deletes 60)   100
 * timer:      20   40   30   60       55                110
 * watermark:   4   24   24   44       44                 94
 * fires:           20        30, 40                      55
 * </pre>
 * 60 was deleted before the watermark reached it; 110 never fires.
 */
class EventTimeTimerTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void eventTimeTimersFireInTimestampOrderWhenTheWatermarkPassesThemAndDeletedOnesNever(@TempDir Path stateDir) {
        kafka.createTopic("timers-in", 1);
        kafka.createTopic("timers-out", 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String event : List.of("10", "30", "20", "50", "45,delete=60", "100")) {
                producer.send(new ProducerRecord<>("timers-in", "k", event));
            }
        }
        WeirConfig config = WeirConfig.custom().applicationId("timers").bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).build();
        try (WeirRuntime runtime = new WeirRuntime(pipeline(), config)) {
            runtime.start();
            checker().awaitCommittedRecords(4, Duration.ofSeconds(60));
            // The status shows each task's watermark as of its last checkpoint: 100 − 5 − 1.
            await().atMost(Duration.ofSeconds(30)).until(() -> runtime.status().tasks().stream()
                    .map(TaskStatus::watermark).toList().equals(List.of(OptionalLong.of(94))));
        }
        CheckReport<String, String> report = checker().checkPerKeySequences(Map.of("k", List.of(
                "timer=20 watermark=24", "timer=30 watermark=44", "timer=40 watermark=44",
                "timer=55 watermark=94")));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    private static Pipeline pipeline() {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues("timers-in", new StringDeserializer(), new StringDeserializer()),
                        WatermarkStrategy.<KeyValue<String, String>>forBoundedOutOfOrderness(Duration.ofMillis(5))
                                .withTimestampAssigner((kv, recordTimestamp) -> Long.parseLong(kv.value().split(",")[0])))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new TimerAfterEachEvent()).uid("timers")
                .sinkTo(KafkaSink.keyValues("timers-out", new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    private static ExactlyOnceChecker<String, String> checker() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "timers-out", new StringDeserializer(),
                new StringDeserializer());
    }

    /** Registers an event-time timer 10 ms after each event, deletes one when told, reports each firing. */
    private static final class TimerAfterEachEvent
            extends KeyedProcessFunction<String, KeyValue<String, String>, KeyValue<String, String>> {

        @Override
        public void processElement(KeyValue<String, String> event, Context<String> context,
                                   Collector<KeyValue<String, String>> out) {
            context.timerService().registerEventTimeTimer(context.timestamp() + 10);
            String[] parts = event.value().split(",delete=");
            if (parts.length > 1) {
                context.timerService().deleteEventTimeTimer(Long.parseLong(parts[1]));
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext<String> context, Collector<KeyValue<String, String>> out) {
            if (context.timeDomain() == TimeDomain.EVENT_TIME) {
                out.collect(KeyValue.of(context.getCurrentKey(), "timer=" + timestamp + " watermark="
                        + context.timerService().currentWatermark()));
            }
        }
    }
}
