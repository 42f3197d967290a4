package dev.weir.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: what one thread with a plain {@link KafkaConsumer} and {@link KafkaProducer} can
 * copy from the input to the output. Bytes in, bytes out: no deserialization, no operator, no
 * state. With {@code transactional} it is the exactly-once loop of KIP-98/447 — records and
 * offsets ({@code sendOffsetsToTransaction}) committed in one transaction every
 * {@code commitInterval}; without, an idempotent producer that is flushed before a
 * {@code commitSync} of the offsets. Its client settings are Weir's (see {@code ClientConfigs}),
 * so the difference to Weir is Weir's own work.
 */
final class BareLoop implements Runnable {

    private final String bootstrapServers;
    private final String input;
    private final String output;
    private final String group;
    private final boolean transactional;
    private final long commitIntervalMillis;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopRequested;
    private volatile boolean assigned;

    BareLoop(String bootstrapServers, String input, String output, String group, boolean transactional,
             Duration commitInterval) {
        this.bootstrapServers = bootstrapServers;
        this.input = input;
        this.output = output;
        this.group = group;
        this.transactional = transactional;
        this.commitIntervalMillis = commitInterval.toMillis();
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean assigned() {
        return assigned;
    }

    Throwable failure() {
        return failure.get();
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private void loop() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-consumer");
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, group + "-producer");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        if (transactional) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-tx");
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        }
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            if (transactional) {
                producer.initTransactions();
            }
            consumer.subscribe(List.of(input));
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            Map<TopicPartition, Long> next = new HashMap<>();
            Map<TopicPartition, Long> committed = new HashMap<>();
            boolean inTransaction = false;
            long lastCommit = System.currentTimeMillis();
            while (!stopRequested) {
                long wait = Math.max(0, Math.min(100, lastCommit + commitIntervalMillis - System.currentTimeMillis()));
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(wait));
                if (!assigned && !consumer.assignment().isEmpty()) {
                    assigned = true;
                }
                if (transactional && !inTransaction && !records.isEmpty()) {
                    producer.beginTransaction();
                    inTransaction = true;
                }
                for (TopicPartition tp : records.partitions()) {
                    List<ConsumerRecord<byte[], byte[]>> batch = records.records(tp);
                    for (ConsumerRecord<byte[], byte[]> r : batch) {
                        producer.send(new ProducerRecord<>(output, null, r.timestamp(), r.key(), r.value()),
                                (metadata, error) -> {
                                    if (error != null) {
                                        sendFailure.compareAndSet(null, error);
                                    }
                                });
                    }
                    next.put(tp, batch.get(batch.size() - 1).offset() + 1);
                }
                long now = System.currentTimeMillis();
                if (now - lastCommit >= commitIntervalMillis) {
                    inTransaction = commit(consumer, producer, next, committed, inTransaction, sendFailure);
                    lastCommit = now;
                }
            }
            commit(consumer, producer, next, committed, inTransaction, sendFailure);
        }
    }

    /** @return whether a transaction is still open (never, after a commit) */
    private boolean commit(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
                           Map<TopicPartition, Long> next, Map<TopicPartition, Long> committed,
                           boolean inTransaction, AtomicReference<Exception> sendFailure) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((tp, offset) -> {
            if (!offset.equals(committed.get(tp))) {
                offsets.put(tp, new OffsetAndMetadata(offset));
            }
        });
        if (offsets.isEmpty() && !inTransaction) {
            return false;
        }
        if (transactional) {
            if (!inTransaction) {
                producer.beginTransaction();
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
        } else {
            producer.flush();
        }
        if (sendFailure.get() != null) {
            throw new IllegalStateException("a send failed: " + sendFailure.get(), sendFailure.get());
        }
        if (!transactional && !offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
        offsets.forEach((tp, om) -> committed.put(tp, om.offset()));
        return false;
    }
}
