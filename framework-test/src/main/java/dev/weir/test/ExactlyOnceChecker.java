package dev.weir.test;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Checks an output topic against a model of what a pipeline must have written, independently
 * of the pipeline: it reads the topic with a consumer of its own, without a consumer group,
 * with {@code isolation.level=read_committed}, from the beginning up to the last stable
 * offset of each partition. Records of aborted transactions are thus never counted, and
 * records of a transaction still open are not waited for.
 *
 * <p>Records are streamed: memory is bounded by the size of the model, not of the topic.
 * Keys and values are compared with {@code equals}, so decode them into types with value
 * equality (strings, numbers, records), not arrays.
 *
 * <pre>{@code
 * CheckReport<String, Long> report = ExactlyOnceChecker
 *         .forTopic(kafka.bootstrapServers(), "totals", new StringDeserializer(), new LongDeserializer())
 *         .checkPerKeySequences(model.expectedTotals());
 * assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
 * }</pre>
 *
 * <p>Instances are immutable and may be reused; every check reads the topic afresh.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ExactlyOnceChecker<K, V> {

    private static final int DEFAULT_MAX_SAMPLES = 20;
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final String topic;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final Map<String, Object> consumerProperties;
    private final int maxSamples;
    private final Duration readTimeout;

    private ExactlyOnceChecker(String bootstrapServers, String topic, Deserializer<K> keyDeserializer,
            Deserializer<V> valueDeserializer, Map<String, Object> consumerProperties, int maxSamples,
            Duration readTimeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
        this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.maxSamples = maxSamples;
        this.readTimeout = readTimeout;
    }

    /**
     * Creates a checker for one topic, keeping 20 examples per kind of discrepancy and
     * allowing two minutes to read the topic.
     *
     * @param bootstrapServers  broker address
     * @param topic             the output topic to check
     * @param keyDeserializer   decodes keys; must accept the topic's keys (and nulls, if any)
     * @param valueDeserializer decodes values
     * @param <K>               key type
     * @param <V>               value type
     * @return the checker
     */
    public static <K, V> ExactlyOnceChecker<K, V> forTopic(String bootstrapServers, String topic,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        return new ExactlyOnceChecker<>(bootstrapServers, topic, keyDeserializer, valueDeserializer,
                Map.of(), DEFAULT_MAX_SAMPLES, DEFAULT_READ_TIMEOUT);
    }

    /**
     * Returns a checker that keeps a different number of examples per kind of discrepancy.
     *
     * @param maxSamples examples to keep, at least 0; counts are always complete
     * @return a new checker
     */
    public ExactlyOnceChecker<K, V> withMaxSamples(int maxSamples) {
        if (maxSamples < 0) {
            throw new IllegalArgumentException("maxSamples must not be negative, was " + maxSamples);
        }
        return new ExactlyOnceChecker<>(bootstrapServers, topic, keyDeserializer, valueDeserializer,
                consumerProperties, maxSamples, readTimeout);
    }

    /**
     * Returns a checker that allows a different time for reading the topic in a check.
     *
     * @param readTimeout how long reading up to the end offsets may take
     * @return a new checker
     */
    public ExactlyOnceChecker<K, V> withReadTimeout(Duration readTimeout) {
        return new ExactlyOnceChecker<>(bootstrapServers, topic, keyDeserializer, valueDeserializer,
                consumerProperties, maxSamples, Objects.requireNonNull(readTimeout, "readTimeout"));
    }

    /**
     * Returns a checker whose consumer has one more setting, e.g. for security settings.
     * The isolation level can be changed this way too, but then the check no longer
     * proves anything about transactions.
     *
     * @param name  a consumer setting
     * @param value its value
     * @return a new checker
     */
    public ExactlyOnceChecker<K, V> withConsumerProperty(String name, Object value) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(name, value);
        return new ExactlyOnceChecker<>(bootstrapServers, topic, keyDeserializer, valueDeserializer,
                properties, maxSamples, readTimeout);
    }

    /**
     * Checks that for every key the committed values are exactly the expected list, in order,
     * and that no other key appears. Order is that of the offsets within a partition, so the
     * records of one key are expected in one partition (as Kafka's key partitioning puts them).
     *
     * <p>The n-th occurrence of a value stands for the n-th place the model lists it. A
     * record is <em>duplicated</em> if its value was already seen as often as expected,
     * <em>unexpected</em> if the model does not list the value (or key) at all, and
     * <em>out of order</em> if it comes after a record the model places later.
     *
     * @param expected for each key, the values it must have, in order
     * @return the report
     * @throws AssertionError if the topic cannot be read to its end within the read timeout
     */
    public CheckReport<K, V> checkPerKeySequences(Map<K, List<V>> expected) {
        PerKeySequenceVerifier<K, V> verifier = new PerKeySequenceVerifier<>(expected, maxSamples);
        try (CommittedRecordReader<K, V> reader = reader()) {
            reader.readToEnd(verifier, readTimeout);
        }
        return verifier.report(topic);
    }

    /**
     * Checks that the committed records are exactly the expected key-value pairs, ignoring
     * order: each pair as often as the model lists it.
     *
     * @param expected the expected pairs; a pair listed twice must appear twice
     * @return the report; its out-of-order count is always 0
     * @throws AssertionError if the topic cannot be read to its end within the read timeout
     */
    public CheckReport<K, V> checkMultiset(Collection<? extends Map.Entry<K, V>> expected) {
        MultisetVerifier<K, V> verifier = new MultisetVerifier<>(expected, maxSamples);
        try (CommittedRecordReader<K, V> reader = reader()) {
            reader.readToEnd(verifier, readTimeout);
        }
        return verifier.report(topic);
    }

    /**
     * Waits until at least {@code count} committed records are visible in the topic, e.g.
     * for a pipeline to finish before checking its output.
     *
     * @param count   how many committed records to wait for
     * @param timeout how long to wait at most
     * @return how many committed records were counted, at least {@code count}
     * @throws AssertionError if fewer are committed within the timeout
     */
    public long awaitCommittedRecords(long count, Duration timeout) {
        try (CommittedRecordReader<K, V> reader = reader()) {
            return reader.countAtLeast(count, timeout);
        }
    }

    private CommittedRecordReader<K, V> reader() {
        return new CommittedRecordReader<>(bootstrapServers, topic, keyDeserializer, valueDeserializer,
                consumerProperties);
    }
}
