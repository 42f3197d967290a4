package dev.weir.internals.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import dev.weir.internals.metrics.EngineMeters;
import dev.weir.internals.operators.RecordSink;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;

/**
 * A worker's output. Records an element produces are held until the element completes, so that
 * a failing element leaves no output; then they are sent inside the worker's open transaction,
 * which begins with the first record after a commit.
 */
final class RecordCollector implements RecordSink {

    private final Producer<byte[], byte[]> producer;
    private final boolean transactional;
    private final EngineMeters meters;
    private final List<ProducerRecord<byte[], byte[]>> pending = new ArrayList<>();
    private volatile KafkaException sendFailure;
    private volatile long transactionNumber;
    private boolean inTransaction;
    private long sentSinceCommit;

    RecordCollector(Producer<byte[], byte[]> producer, boolean transactional, EngineMeters meters) {
        this.producer = producer;
        this.transactional = transactional;
        this.meters = meters;
    }

    @Override
    public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp) {
        pending.add(new ProducerRecord<>(topic, partition, timestamp, key, value));
    }

    @Override
    public void send(String topic, Integer partition, byte[] key, byte[] value, long timestamp, Headers headers) {
        pending.add(new ProducerRecord<>(topic, partition, timestamp, key, value, headers));
    }

    /** Sends what the element produced. */
    void completeElement() {
        if (pending.isEmpty()) {
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            sendNow(pending.get(i));
        }
        meters.produced(pending.size());
        pending.clear();
    }

    /** Drops what the failed element produced. */
    void discardElement() {
        pending.clear();
    }

    /** Sends a record at once, inside the transaction. */
    Future<RecordMetadata> sendNow(ProducerRecord<byte[], byte[]> record) {
        if (transactional && !inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        sentSinceCommit++;
        long sentIn = transactionNumber;
        return producer.send(record, (metadata, error) -> {
            // A send of an abandoned transaction fails because of the abort: not a new failure.
            if (error != null && sendFailure == null && sentIn == transactionNumber) {
                sendFailure = new KafkaException("sending to " + record.topic() + " failed: " + error, error);
            }
        });
    }

    /** Whether a transaction is open (exactly-once) or records were sent since the last checkpoint. */
    boolean hasOpenWork() {
        return inTransaction || sentSinceCommit > 0;
    }

    /** Opens the transaction if none is, so that offsets can be committed in one. */
    void ensureTransaction() {
        if (transactional && !inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
    }

    /** Throws the first asynchronous send failure since the last checkpoint. */
    void checkSendFailure() {
        KafkaException failure = sendFailure;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Ends the transaction (committed or aborted; at-least-once: output acknowledged or given up):
     * what was sent in it no longer counts, failures included.
     */
    void endTransaction() {
        transactionNumber++;
        sendFailure = null;
        pending.clear();
        inTransaction = false;
        sentSinceCommit = 0;
    }
}
