package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.weir.config.WeirConfig;
import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.pipeline.WindowedStream;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingEventTimeWindows;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic out-of-order example on the real broker: watermark delay 4 (bounded
 * out-of-orderness of 4 ms, so the watermark is the highest timestamp seen minus 5), tumbling
 * windows of 20 ms, one key, events in this order:
 *
 * <pre>
 * event time:  1  5  3  19  12  24  18  30  22  45  39  50  64
 * watermark:  -4  0  0  14  14  19  19  25  25  40  40  45  59
 * </pre>
 *
 * Window [0,20) fires when the watermark reaches 19 (after 24), [20,40) when it reaches 40
 * (after 45), [40,60) when it reaches 59 (after 64). 18 and 39 arrive behind the watermark: late.
 */
class EventTimeWindowTest {

    private static final long[] EVENTS = {1, 5, 3, 19, 12, 24, 18, 30, 22, 45, 39, 50, 64};

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void windowsFireExactlyWhenTheWatermarkReachesTheirEndAndLateEventsGoToTheLateDataTopic(@TempDir Path stateDir) {
        run("seed", stateDir, Duration.ZERO, EVENTS, 3);

        assertExactlyOnceInOrder("seed",
                "[0,20) count=5 watermark=19",
                "[20,40) count=3 watermark=40",
                "[40,60) count=2 watermark=59");
        List<ConsumerRecord<byte[], byte[]>> late = lateRecords("seed", 2);
        assertThat(late).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("18", "39");
        assertThat(late).extracting(r -> header(r, "weir.late.watermark")).containsExactly("19", "40");
        assertThat(late).extracting(r -> header(r, "weir.late.operator")).containsOnly("seed-windows");
        assertThat(late).extracting(r -> header(r, "weir.late.source.topic")).containsOnly("seed-in");
        assertThat(late).extracting(r -> header(r, "weir.late.source.offset")).containsExactly("6", "10");
    }

    @Test
    void withinTheAllowedLatenessALateEventUpdatesItsWindowAndBeyondItGoesToTheLateDataTopic(@TempDir Path stateDir) {
        long[] events = new long[EVENTS.length + 1];
        System.arraycopy(EVENTS, 0, events, 0, EVENTS.length);
        events[EVENTS.length] = 7;

        run("lateness", stateDir, Duration.ofMillis(10), events, 5);

        // With 10 ms of allowed lateness, 18 and 39 update their windows, which fire again; 7 arrives
        // at watermark 59, when [0,20) was cleaned up at 29: late.
        assertExactlyOnceInOrder("lateness",
                "[0,20) count=5 watermark=19",
                "[0,20) count=6 watermark=19",
                "[20,40) count=3 watermark=40",
                "[20,40) count=4 watermark=40",
                "[40,60) count=2 watermark=59");
        assertThat(lateRecords("lateness", 1)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("7");
    }

    /**
     * Two event-time windows chained in one task: per-20 ms counts, summed per 60 ms. The first
     * window's results (stamped 19, 39, 59) must reach the second before its own watermark moves,
     * or they would be late for it.
     */
    @Test
    void aWindowChainedAfterAnotherReceivesItsResultsOnTime(@TempDir Path stateDir) {
        String app = "chained";
        kafka.createTopic(app + "-in", 1);
        kafka.createTopic(app + "-out", 1);
        produce(app, new long[] {1, 25, 45, 100});
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(app + "-in", new StringDeserializer(), new StringDeserializer()),
                        WatermarkStrategy.<KeyValue<String, String>>forBoundedOutOfOrderness(Duration.ofMillis(4))
                                .withTimestampAssigner((event, recordTimestamp) -> Long.parseLong(event.value())))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .aggregate(new WindowedRegionCount.Count<>(), Serdes.Long()).uid("per-20")
                .reinterpretAsKeyed(count -> "k", Serdes.String())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(60)))
                .reduce(Long::sum, Serdes.Long()).uid("per-60")
                .map(sum -> KeyValue.of("k", Long.toString(sum)))
                .sinkTo(KafkaSink.keyValues(app + "-out", new StringSerializer(), new StringSerializer()));
        WeirConfig config = WeirConfig.custom().applicationId(app).bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).build();
        try (WeirRuntime runtime = new WeirRuntime(builder.build(), config)) {
            runtime.start();
            checker(app).awaitCommittedRecords(1, Duration.ofSeconds(60));
        }

        assertExactlyOnceInOrder(app, "3");
    }

    private static void produce(String app, long[] events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (long event : events) {
                producer.send(new ProducerRecord<>(app + "-in", "k", Long.toString(event)));
            }
        }
    }

    private static void assertExactlyOnceInOrder(String app, String... results) {
        CheckReport<String, String> report = checker(app).checkPerKeySequences(Map.of("k", List.of(results)));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    private static void run(String app, Path stateDir, Duration allowedLateness, long[] events, int outputs) {
        kafka.createTopic(app + "-in", 1);
        kafka.createTopic(app + "-out", 1);
        produce(app, events);
        WeirConfig config = WeirConfig.custom().applicationId(app).bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).build();
        try (WeirRuntime runtime = new WeirRuntime(pipeline(app, allowedLateness), config)) {
            runtime.start();
            checker(app).awaitCommittedRecords(outputs, Duration.ofSeconds(60));
        }
    }

    private static Pipeline pipeline(String app, Duration allowedLateness) {
        PipelineBuilder builder = new PipelineBuilder();
        WindowedStream<KeyValue<String, String>, String, TimeWindow> windows = builder
                .source(KafkaSource.keyValues(app + "-in", new StringDeserializer(), new StringDeserializer()),
                        WatermarkStrategy.<KeyValue<String, String>>forBoundedOutOfOrderness(Duration.ofMillis(4))
                                .withTimestampAssigner((event, recordTimestamp) -> Long.parseLong(event.value())))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)));
        windows.allowedLateness(allowedLateness)
                .process(new Describe(), keyValueSerde())
                .uid(app + "-windows")
                .sinkTo(KafkaSink.keyValues(app + "-out", new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    /** Key and value joined by a NUL character. */
    private static Serde<KeyValue<String, String>> keyValueSerde() {
        return Serdes.serdeFrom(
                (topic, kv) -> (kv.key() + '\0' + kv.value()).getBytes(StandardCharsets.UTF_8),
                (topic, bytes) -> {
                    String joined = new String(bytes, StandardCharsets.UTF_8);
                    int nul = joined.indexOf('\0');
                    return new KeyValue<>(joined.substring(0, nul), joined.substring(nul + 1));
                });
    }

    private static List<ConsumerRecord<byte[], byte[]>> lateRecords(String app, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, app + "-late-reader"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(app + "-late"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < count && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // Anything beyond the expected records would show up within another poll.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ExactlyOnceChecker<String, String> checker(String app) {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), app + "-out", new StringDeserializer(),
                new StringDeserializer());
    }

    /** Describes a fired window: its bounds, how many events it holds, and the watermark that fired it. */
    private static final class Describe
            extends ProcessWindowFunction<KeyValue<String, String>, KeyValue<String, String>, String, TimeWindow> {

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<KeyValue<String, String>> events,
                            Collector<KeyValue<String, String>> out) {
            int count = 0;
            for (KeyValue<String, String> ignored : events) {
                count++;
            }
            TimeWindow window = context.window();
            out.collect(new KeyValue<>(key, "[" + window.start() + "," + window.end() + ") count=" + count
                    + " watermark=" + context.currentWatermark()));
        }
    }
}
