package dev.weir.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import dev.weir.windowing.TimeWindow;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Out-of-order events {@code <id>,<event time>,<region>} for {@link WindowedRegionCount}, written
 * to explicit partitions, with the model of what the pipeline must emit. Event {@code s} of a
 * partition happens at {@code base + offset + 4 s + jitter} with a jitter below the pipeline's
 * out-of-orderness bound, so that no ordinary event is ever late; late events are written on
 * purpose, far behind every watermark.
 *
 * <p>Producing is paced (a fixed rate) and round robin, so that no partition that carries events falls silent
 * long enough to be idle: a partition resuming after idleness races the others, and its events
 * may be late by chance, not by the model.
 */
final class RegionEvents {

    private static final int REGIONS = 13;
    private static final long WINDOW = WindowedRegionCount.WINDOW.toMillis();

    private final String bootstrapServers;
    private final String topic;
    private final long base;
    private final Map<String, Long> expectedCounts = new HashMap<>();
    private final List<Map.Entry<String, String>> lateEvents = new ArrayList<>();

    RegionEvents(String bootstrapServers, String topic, long base) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.base = base;
    }

    /**
     * Writes events {@code from} (inclusive) to {@code to} (exclusive) of each partition at once;
     * {@code late} picks the events that are instead late ones.
     *
     * @param offsets each partition's event-time offset
     * @param starts each partition's first event: before it, the partition stays silent
     */
    void produce(int from, int to, long[] offsets, int[] starts, IntPredicate late) {
        try (KafkaProducer<String, String> producer = producer()) {
            round(producer, from, to, offsets, starts, late);
            producer.flush();
        }
    }

    /**
     * Writes events {@code from} (inclusive) to {@code to} (exclusive) of each partition at a
     * fixed rate: one round of {@code batch} events per partition every {@code periodMillis}, so
     * that every partition keeps receiving events for the whole run.
     *
     * @return completes once every event is written
     */
    CompletableFuture<Void> producePaced(int from, int to, long[] offsets, int[] starts, IntPredicate late, int batch,
                                         long periodMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        KafkaProducer<String, String> producer = producer();
        int[] next = {from};
        scheduler.scheduleAtFixedRate(() -> {
            try {
                round(producer, next[0], Math.min(to, next[0] + batch), offsets, starts, late);
                next[0] += batch;
                if (next[0] >= to) {
                    producer.flush();
                    done.complete(null);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
        // The last round completes the future on the scheduler's thread: close there, then stop the schedule.
        return done.whenComplete((ignored, failure) -> {
            producer.close();
            scheduler.shutdown();
        });
    }

    private void round(KafkaProducer<String, String> producer, int from, int to, long[] offsets, int[] starts,
                       IntPredicate late) {
        for (int partition = 0; partition < offsets.length; partition++) {
            for (int s = Math.max(from, starts[partition]); s < to; s++) {
                producer.send(record(partition, s, offsets[partition], late.test(s)));
            }
        }
    }

    /** One event on every partition far ahead of all others, so that the watermark passes every window that matters. */
    void produceFlush(int partitions, long eventTime) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, "p" + partition,
                        "flush-" + partition + "," + (base + eventTime) + ",flush"));
            }
            producer.flush();
        }
    }

    /** Each ordinary event's window, counted: what the pipeline must emit, each exactly once. */
    List<Map.Entry<String, Long>> expectedWindows() {
        List<Map.Entry<String, Long>> expected = new ArrayList<>();
        expectedCounts.forEach((key, count) -> expected.add(Map.entry(key, count)));
        return expected;
    }

    /** How many windows ending at or before {@code base + end} hold ordinary events. */
    long windowsEndingBy(long end) {
        return expectedCounts.keySet().stream()
                .filter(key -> Long.parseLong(key.substring(key.indexOf('@') + 1)) + WINDOW <= base + end)
                .count();
    }

    /**
     * The late events written, as the late-data topic must hold them, each exactly once: the
     * records the window stage read, from the repartition topic, keyed by region.
     */
    List<Map.Entry<String, String>> expectedLate() {
        return List.copyOf(lateEvents);
    }

    private ProducerRecord<String, String> record(int partition, int s, long offset, boolean late) {
        String id = "p" + partition + "-" + s;
        String region = "r" + Math.floorMod(partition * 7_919 + s * 31, REGIONS);
        long eventTime;
        if (late) {
            eventTime = base + 100 + s % 500;
            String event = id + "," + eventTime + "," + region;
            lateEvents.add(Map.entry(region, event));
            return new ProducerRecord<>(topic, partition, "p" + partition, event);
        }
        eventTime = base + offset + 4L * s + Math.floorMod((s * 2_654_435_761L) >>> 7, 900);
        long windowStart = TimeWindow.windowStart(eventTime, 0, WINDOW);
        expectedCounts.merge(region + "@" + windowStart, 1L, Long::sum);
        return new ProducerRecord<>(topic, partition, "p" + partition, id + "," + eventTime + "," + region);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 10), new StringSerializer(), new StringSerializer());
    }
}
