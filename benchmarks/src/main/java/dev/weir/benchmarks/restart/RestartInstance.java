package dev.weir.benchmarks.restart;

import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

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
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Weir instance the restart benchmark kills and restarts, run in a child JVM: an exactly-once
 * running count per key in {@code ValueState<Long>}, with its RocksDB state in a directory that
 * outlives the process. It prints one {@link PhaseLine} per moment of its start-up that only it
 * can see (JVM start, {@code main}, runtime started, all tasks active, first record processed),
 * each with the wall-clock time in epoch milliseconds, so that the benchmark can line them up
 * with the kill and with the output it reads.
 *
 * <p>Program arguments: {@code bootstrapServers applicationId inputTopic outputTopic stateDir
 * partitions workers}.
 */
public final class RestartInstance {

    /** When the first record after this start was processed; 0 until then. */
    private static final AtomicLong FIRST_RECORD_MILLIS = new AtomicLong();
    private static final long WATCH_INTERVAL_MILLIS = 2;

    private RestartInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        long mainMillis = System.currentTimeMillis();
        PhaseLine.print(Phase.JVM_STARTED, ManagementFactory.getRuntimeMXBean().getStartTime(), "");
        PhaseLine.print(Phase.MAIN_ENTERED, mainMillis, "");
        String bootstrapServers = args[0];
        String applicationId = args[1];
        String input = args[2];
        String output = args[3];
        int partitions = Integer.parseInt(args[5]);
        WeirConfig config = WeirConfig.custom()
                .applicationId(applicationId)
                .bootstrapServers(bootstrapServers)
                .stateDir(Paths.get(args[4]))
                .workers(Integer.parseInt(args[6]))
                .build();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WeirRuntime runtime = new WeirRuntime(pipeline(input, output), config, meters);
        // SIGTERM at the end of the benchmark: leave the group and end the open transaction.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runtime.close(Duration.ofSeconds(20)), "weir-stop"));
        runtime.start();
        PhaseLine.print(Phase.RUNTIME_STARTED, System.currentTimeMillis(), "instance " + runtime.instanceId());
        watch(runtime, meters, partitions);
        // Runs until killed: the benchmark ends it with SIGKILL (or SIGTERM at the very end).
        Thread.currentThread().join();
    }

    /** Reports when every task is active and when the first record went through, then stops watching. */
    private static void watch(WeirRuntime runtime, SimpleMeterRegistry meters, int partitions)
            throws InterruptedException {
        boolean tasksReported = false;
        while (true) {
            if (!tasksReported && runtime.activeTasks().size() >= partitions) {
                tasksReported = true;
                Counter restored = meters.find("weir.restore.records").counter();
                PhaseLine.print(Phase.TASKS_ACTIVE, System.currentTimeMillis(),
                        "restored=" + (restored == null ? 0 : (long) restored.count()));
            }
            long first = FIRST_RECORD_MILLIS.get();
            if (tasksReported && first != 0) {
                PhaseLine.print(Phase.FIRST_RECORD_PROCESSED, first, "");
                return;
            }
            // The runtime has no callback for "every task active": sampled, which bounds the phase's error.
            Thread.sleep(WATCH_INTERVAL_MILLIS);
        }
    }

    /** {@code input} → count per key → {@code output} as {@code key → count}. */
    static Pipeline pipeline(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()))
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new CountPerKey()).uid("running-count")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    /** The running count of the examples, which also notes when it saw its first record. */
    static final class CountPerKey extends KeyedProcessFunction<String, KeyValue<String, String>, KeyValue<String, Long>> {

        private ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Serdes.Long()));
        }

        @Override
        public void processElement(KeyValue<String, String> value, Context<String> context,
                                   Collector<KeyValue<String, Long>> out) {
            if (FIRST_RECORD_MILLIS.get() == 0) {
                FIRST_RECORD_MILLIS.compareAndSet(0, System.currentTimeMillis());
            }
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            out.collect(KeyValue.of(context.getCurrentKey(), next));
        }
    }
}
