package dev.weir.chaos;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the chaos input at a fixed rate in a background thread, so that the chaos happens while
 * the input is still being written. It stops at a hold position until released, so that a chaos
 * event that is late (the previous one took long on a slow machine) still happens at its place
 * in the input, never after the input is complete. The producer is idempotent and waits out a
 * broker restart: a record it could not deliver fails the run, since a lost input record would
 * otherwise be blamed on the pipeline.
 */
final class InputProducer implements AutoCloseable {

    private static final long PERIOD_MILLIS = 20;

    private final ChaosInput input;
    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chaos-input-producer"));
    private final AtomicInteger sent = new AtomicInteger();
    private volatile int holdAt;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Map<Integer, Future<RecordMetadata>> poisonWrites = new ConcurrentHashMap<>();

    /**
     * Connects the producer; nothing is written yet.
     *
     * @param bootstrapServers the broker
     * @param topic            the input topic
     * @param input            what to write
     */
    InputProducer(String bootstrapServers, String topic, ChaosInput input) {
        this.input = input;
        this.topic = topic;
        this.holdAt = input.records();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                // A broker restart must delay records, never drop them.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10 * 60_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5 * 60_000),
                new StringSerializer(), new StringSerializer());
    }

    /**
     * Starts writing every record of the input, {@code ratePerSecond} a second.
     *
     * @param ratePerSecond the pace
     * @return completes once every record is written and acknowledged, or with the first failure
     */
    CompletableFuture<Void> start(int ratePerSecond) {
        int batch = (int) Math.max(1, ratePerSecond * PERIOD_MILLIS / 1_000);
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                writeBatch(batch);
                if (sent.get() == input.records() && !done.isDone()) {
                    producer.flush();
                    Exception failure = firstFailure.get();
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(null);
                    }
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return done.whenComplete((ignored, failure) -> scheduler.shutdown());
    }

    /**
     * Lets the producer write up to record {@code position} (exclusive) and no further, until
     * this is called again.
     *
     * @param position the first record not to write yet
     */
    void holdAt(int position) {
        holdAt = position;
    }

    /** @return how many records were handed to the producer so far */
    int sent() {
        return sent.get();
    }

    /**
     * Where each poison record was written, once the input is complete.
     *
     * @return for each poison record id, its partition and offset as {@code partition@offset}
     */
    Map<Integer, String> poisonLocations() {
        Map<Integer, String> locations = new HashMap<>();
        poisonWrites.forEach((id, write) -> {
            try {
                RecordMetadata metadata = write.get();
                locations.put(id, metadata.partition() + "@" + metadata.offset());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading where poison record " + id + " went", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("poison record " + id + " was not written", e.getCause());
            }
        });
        return locations;
    }

    private void writeBatch(int batch) {
        int from = sent.get();
        int to = Math.min(Math.min(input.records(), holdAt), from + batch);
        for (int i = from; i < to; i++) {
            Future<RecordMetadata> write = producer.send(new ProducerRecord<>(topic, input.key(i), input.value(i)),
                    (metadata, failure) -> {
                        if (failure != null) {
                            firstFailure.compareAndSet(null, failure);
                        }
                    });
            if (input.poison().containsKey(i)) {
                poisonWrites.put(i, write);
            }
            sent.incrementAndGet();
        }
    }

    /** Stops writing (if still running) and closes the producer. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
