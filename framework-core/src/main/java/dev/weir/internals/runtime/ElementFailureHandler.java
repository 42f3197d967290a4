package dev.weir.internals.runtime;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import dev.weir.config.ErrorPolicy;
import dev.weir.internals.operators.OperatorException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code weir.errors.policy} to an element whose processing failed: sends it to the
 * dead-letter topic (inside the transaction, so exactly once), skips it, or fails the worker.
 * A failure of the state store is never the element's fault: it always fails the worker.
 */
final class ElementFailureHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ElementFailureHandler.class);

    private final ErrorPolicy policy;
    private final String deadLetterTopic;
    private final RecordCollector collector;
    private final AtomicLong deadLettered;

    ElementFailureHandler(ErrorPolicy policy, String deadLetterTopic, RecordCollector collector, AtomicLong deadLettered) {
        this.policy = policy;
        this.deadLetterTopic = deadLetterTopic;
        this.collector = collector;
        this.deadLettered = deadLettered;
    }

    void onRecordFailure(ConsumerRecord<byte[], byte[]> record, RuntimeException failure) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        header(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        header(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        header(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        handle(failure, where, record.key(), record.value(), headers);
    }

    void onTimerFailure(StreamTask task, long timestamp, RuntimeException failure) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.TIMER_TIMESTAMP, Long.toString(timestamp));
        handle(failure, "timer " + timestamp + " of " + task, task.keyContext().serializedKey(), null, headers);
    }

    private void handle(RuntimeException failure, String where, byte[] key, byte[] value, RecordHeaders headers) {
        if (!(failure instanceof OperatorException) || causedByStateStore(failure)) {
            throw failure;
        }
        OperatorException operatorFailure = (OperatorException) failure;
        Throwable cause = operatorFailure.getCause();
        switch (policy) {
            case FAIL:
                throw failure;
            case SKIP:
                LOG.warn("Skipping {}: operator '{}' failed: {}", where, operatorFailure.operatorUid(), cause.toString());
                return;
            default:
                header(headers, DeadLetterHeaders.OPERATOR, operatorFailure.operatorUid());
                header(headers, DeadLetterHeaders.EXCEPTION_CLASS, cause.getClass().getName());
                header(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, String.valueOf(cause.getMessage()));
                collector.sendNow(new ProducerRecord<>(deadLetterTopic, null, key, value, headers));
                deadLettered.incrementAndGet();
                LOG.debug("Sent {} to {}: operator '{}' failed: {}", where, deadLetterTopic,
                        operatorFailure.operatorUid(), cause.toString());
        }
    }

    private static boolean causedByStateStore(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RocksDBException) {
                return true;
            }
        }
        return false;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
