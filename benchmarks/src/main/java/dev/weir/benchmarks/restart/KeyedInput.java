package dev.weir.benchmarks.restart;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the input: every one of {@code keys} keys once (so that the state ends up holding all
 * of them), then records with keys drawn from the same keys; keyed by Kafka's default partitioner.
 */
final class KeyedInput implements AutoCloseable {

    private static final long SEED = 20_261_130L;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String[] keys;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long written;

    KeyedInput(String bootstrapServers, String topic, int keys) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "weir-restart-benchmark-input",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.keys = new String[keys];
        int digits = Integer.toString(keys - 1).length();
        for (int i = 0; i < keys; i++) {
            this.keys[i] = "key-" + String.format("%0" + digits + "d", i);
        }
    }

    /** Writes every key once, then {@code extra} records of random keys; returns when all are acknowledged. */
    void writeAllKeysThen(int extra) {
        for (String key : keys) {
            send(key);
        }
        writeRandom(extra);
    }

    /** Writes {@code count} records of random keys; returns when all are acknowledged. */
    void writeRandom(int count) {
        for (int i = 0; i < count; i++) {
            send(keys[random.nextInt(keys.length)]);
        }
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("writing the input failed: " + e, e);
        }
    }

    private void send(String key) {
        producer.send(new ProducerRecord<>(topic, key, Long.toString(written++)), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    @Override
    public void close() {
        producer.close();
    }
}
