package dev.weir.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.weir.benchmarks.workloads.InputGenerator;
import dev.weir.benchmarks.workloads.InputRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency at a given input rate: writes the input at that rate, in real time, into a
 * topic whose timestamps are the broker's append times, while a {@code read_committed} consumer
 * of the output notes when each output record becomes visible. A record's latency is that moment
 * minus its due time (the workload decides: the append time of the input it came from, or the
 * moment its window was complete). Outputs due during the warm-up are not counted.
 */
final class LatencyProbe {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

    private LatencyProbe() {
    }

    /** What the probe saw. */
    record Result(long samples, double p50Millis, double p99Millis, double maxMillis, double inputRate,
                  String failure) {

        static Result failed(String why) {
            return new Result(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why);
        }
    }

    /** What one probe does. */
    record Plan(String input, String output, String group, int partitions, double rate, Duration warmUp,
                Duration measured, InputGenerator generator, ToLongFunction<ConsumerRecord<String, String>> dueTime) {
    }

    static Result run(String bootstrapServers, KafkaTools kafka, Plan plan, Supplier<String> runnerFailure) {
        Set<TopicPartition> outputPartitions = IntStream.range(0, plan.partitions())
                .mapToObj(p -> new TopicPartition(plan.output(), p)).collect(Collectors.toSet());
        long measureFrom = System.currentTimeMillis() + plan.warmUp().toMillis();
        OutputWatcher watcher = new OutputWatcher(bootstrapServers, outputPartitions, plan.dueTime(), measureFrom);
        Thread watcherThread = new Thread(watcher, "latency-output-watcher");
        watcherThread.start();
        try {
            long sent = produce(bootstrapServers, plan, runnerFailure);
            double seconds = (plan.warmUp().plus(plan.measured())).toNanos() / 1e9;
            String failure = awaitDrained(kafka, plan, runnerFailure);
            if (failure == null) {
                // Output of the last committed transaction becomes visible to the watcher within a poll.
                KafkaTools.sleep(1_000);
            }
            watcher.stop();
            watcherThread.join(Duration.ofSeconds(30).toMillis());
            if (watcher.failure.get() != null) {
                return Result.failed("reading the output failed: " + watcher.failure.get());
            }
            long[] latencies = watcher.latencies();
            if (failure == null && latencies.length == 0) {
                failure = "no output was due after the warm-up";
            }
            Arrays.sort(latencies);
            return new Result(latencies.length, percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1], sent / seconds, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("interrupted");
        } finally {
            watcher.stop();
        }
    }

    /** Writes records at the plan's rate for the warm-up and the measured time; returns how many. */
    private static long produce(String bootstrapServers, Plan plan, Supplier<String> runnerFailure) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Object> config = GeneratedInput.producerConfig(bootstrapServers, "latency-input");
        long index = 0;
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            long end = start + plan.warmUp().plus(plan.measured()).toNanos();
            long nextCheck = start;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                long due = (long) ((now - start) / 1e9 * plan.rate());
                while (index < due) {
                    InputRecord r = plan.generator().next();
                    index++;
                    // The topic stamps records with the broker's append time; the generator's is dropped.
                    producer.send(new ProducerRecord<>(plan.input(), null, null, r.key(), r.value()), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                if (now >= nextCheck) {
                    nextCheck = now + 1_000_000_000L;
                    String runner = runnerFailure.get();
                    if (runner != null || failure.get() != null) {
                        throw new IllegalStateException(runner != null ? runner : "a send failed: " + failure.get());
                    }
                }
                // Pace in steps of about a millisecond: finer only burns the core the systems need.
                KafkaTools.sleep(1);
            }
            producer.flush();
        }
        return index;
    }

    /** Waits until the group has committed all of the input; returns why not, or null. */
    private static String awaitDrained(KafkaTools kafka, Plan plan, Supplier<String> runnerFailure) {
        Map<TopicPartition, Long> ends = kafka.endOffsets(plan.input(), plan.partitions());
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (true) {
            Map<TopicPartition, Long> committed = kafka.committedOffsets(plan.group());
            boolean done = ends.entrySet().stream()
                    .allMatch(e -> committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
            if (done) {
                return null;
            }
            String failure = runnerFailure.get();
            if (failure != null) {
                return failure;
            }
            if (System.nanoTime() > deadline) {
                return "the input was not all processed " + DRAIN_TIMEOUT.toSeconds() + " s after the last record";
            }
            KafkaTools.sleep(20);
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Reads the output as it becomes visible and notes each record's latency. */
    private static final class OutputWatcher implements Runnable {

        private final Map<String, Object> config = new HashMap<>();
        private final Set<TopicPartition> partitions;
        private final ToLongFunction<ConsumerRecord<String, String>> dueTime;
        private final long measureFrom;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean stopped;
        private long[] latencies = new long[1 << 16];
        private int count;

        OutputWatcher(String bootstrapServers, Set<TopicPartition> partitions,
                      ToLongFunction<ConsumerRecord<String, String>> dueTime, long measureFrom) {
            this.partitions = partitions;
            this.dueTime = dueTime;
            this.measureFrom = measureFrom;
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        }

        @Override
        public void run() {
            try (KafkaConsumer<String, String> consumer =
                         new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (!stopped) {
                    ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(50));
                    long visible = System.currentTimeMillis();
                    for (ConsumerRecord<String, String> r : batch) {
                        long due = dueTime.applyAsLong(r);
                        if (due >= measureFrom) {
                            add(visible - due);
                        }
                    }
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }

        private synchronized void add(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }

        synchronized long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }

        void stop() {
            stopped = true;
        }
    }
}
