package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.weir.config.ErrorPolicy;
import dev.weir.config.ProcessingGuarantee;
import dev.weir.config.RestartStrategy;
import dev.weir.config.WeirConfig;
import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Restart strategies after worker failures, and the at-least-once mode, on a real broker. */
class RestartAndGuaranteeTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void aWorkerThatFailsTransientlyIsRestartedAndTheOutputStaysExactlyOnce(@TempDir Path stateDir) {
        kafka.createTopic("flaky-in", 3);
        kafka.createTopic("flaky-out", 3);
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "flaky-in", i -> "key-" + (i % 100), Integer::toString);
        input.produce(0, 5_000);
        AtomicInteger failuresLeft = new AtomicInteger(3);
        WeirConfig config = config("flaky", stateDir)
                .errorPolicy(ErrorPolicy.FAIL)
                .restartStrategy(RestartStrategy.fixedDelay(5, Duration.ofMillis(200)))
                .build();
        try (WeirRuntime runtime = new WeirRuntime(countingPipeline("flaky-in", "flaky-out", failuresLeft), config)) {
            runtime.start();
            checker("flaky-out").awaitCommittedRecords(5_000, Duration.ofMinutes(2));
            assertThat(runtime.state()).isEqualTo(WeirRuntime.State.RUNNING);
        }
        assertThat(failuresLeft.get()).isNegative();
        CheckReport<String, Long> report = checker("flaky-out").checkPerKeySequences(input.runningCounts(5_000));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    @Test
    void aWorkerThatKeepsFailingExhaustsItsRestartStrategyAndTheRuntimeFails(@TempDir Path stateDir) {
        kafka.createTopic("broken-in", 1);
        kafka.createTopic("broken-out", 1);
        new KeyedInput(kafka.bootstrapServers(), "broken-in", i -> "key-" + i, Integer::toString).produce(2_495, 2_505);
        AtomicInteger failuresLeft = new AtomicInteger(Integer.MAX_VALUE);
        WeirConfig config = config("broken", stateDir)
                .errorPolicy(ErrorPolicy.FAIL)
                .restartStrategy(RestartStrategy.failureRate(2, Duration.ofMinutes(1), Duration.ofMillis(100)))
                .build();
        try (WeirRuntime runtime = new WeirRuntime(countingPipeline("broken-in", "broken-out", failuresLeft), config)) {
            runtime.start();
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> runtime.state() == WeirRuntime.State.FAILED);
        }
        assertThat(Integer.MAX_VALUE - failuresLeft.get()).as("first run and two restarts").isEqualTo(3);
    }

    @Test
    void atLeastOnceModeRepeatsNoOutputWhenAnInstanceJoinsMidStream(@TempDir Path stateDir) {
        kafka.createTopic("alo-in", 6);
        kafka.createTopic("alo-out", 6);
        int records = 1_000_000;
        KeyedInput input = new KeyedInput(kafka.bootstrapServers(), "alo-in", i -> "key-" + (i % 1_000), Integer::toString);
        input.produce(0, records);
        WeirConfig.Builder config = config("alo", stateDir).processingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE);
        try (WeirRuntime first = new WeirRuntime(RunningCount.pipeline("alo-in", "alo-out"), config.build())) {
            first.start();
            checker("alo-out").awaitCommittedRecords(records * 3L / 10, Duration.ofMinutes(2));
            // The hand-over to a joining instance happens while records flow: nothing may be repeated.
            try (WeirRuntime second = new WeirRuntime(RunningCount.pipeline("alo-in", "alo-out"),
                    config.stateDir(stateDir.resolve("second")).build())) {
                second.start();
                checker("alo-out").awaitCommittedRecords(records, Duration.ofMinutes(2));
            }
        }
        CheckReport<String, Long> report = checker("alo-out").checkPerKeySequences(input.runningCounts(records));
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    /** A running count whose function throws while {@code failuresLeft} is positive, counting down. */
    private static Pipeline countingPipeline(String input, String output, AtomicInteger failuresLeft) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new KeyedProcessFunction<String, KeyValue<String, String>, KeyValue<String, Long>>() {
                    private final RunningCount.CountPerKey counter = new RunningCount.CountPerKey();

                    @Override
                    public void open(RuntimeContext context) {
                        counter.open(context);
                    }

                    @Override
                    public void processElement(KeyValue<String, String> value, Context<String> context,
                                               Collector<KeyValue<String, Long>> out) {
                        if (Integer.parseInt(value.value()) == 2_500 && failuresLeft.getAndDecrement() > 0) {
                            throw new IllegalStateException("a failure the restart strategy must handle");
                        }
                        counter.processElement(value, context, out);
                    }
                }).uid("count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    private static WeirConfig.Builder config(String applicationId, Path stateDir) {
        return WeirConfig.custom().applicationId(applicationId).bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).workers(1);
    }

    private static ExactlyOnceChecker<String, Long> checker(String topic) {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), topic, new StringDeserializer(), new LongDeserializer());
    }

}
