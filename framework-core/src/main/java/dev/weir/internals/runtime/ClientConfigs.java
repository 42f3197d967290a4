package dev.weir.internals.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.weir.config.ProcessingGuarantee;
import dev.weir.config.WeirConfig;
import dev.weir.config.WeirConfigException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client properties of an instance: Weir's defaults, then the user's {@code weir.kafka.*}
 * properties, then the settings exactly-once depends on, which the user may not change.
 */
public final class ClientConfigs {

    /** The consumer property that carries the assignor's view of the topology. */
    public static final String ASSIGNMENT_CONTEXT = "weir.internal.assignment-context";

    private static final Set<String> CONSUMER_OWNED = Set.of(
            ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
            ConsumerConfig.GROUP_PROTOCOL_CONFIG);
    private static final Set<String> PRODUCER_OWNED = Set.of(
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    private final WeirConfig config;

    public ClientConfigs(WeirConfig config) {
        this.config = config;
        rejectOwned("weir.kafka.consumer.", config.consumerProperties().keySet(), CONSUMER_OWNED);
        rejectOwned("weir.kafka.producer.", config.producerProperties().keySet(), PRODUCER_OWNED);
        rejectOwned("weir.kafka.", config.kafkaProperties().keySet(), CONSUMER_OWNED);
        rejectOwned("weir.kafka.", config.kafkaProperties().keySet(), PRODUCER_OWNED);
        rejectGroupInstanceId("weir.kafka.consumer.", config.consumerProperties().keySet());
        rejectGroupInstanceId("weir.kafka.", config.kafkaProperties().keySet());
    }

    /**
     * The group member of a worker: a static member ({@code group.instance.id}) named after the
     * worker, so that an instance restarted after a crash takes its place at once, with its tasks
     * and their local state, instead of waiting for the crashed member's session to time out.
     */
    public Map<String, Object> mainConsumer(String clientId, String groupInstanceId, Object assignmentContext) {
        Map<String, Object> p = build(clientId, Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000), config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.applicationId());
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(WeirPartitionAssignor.class.getName()));
        p.put(ASSIGNMENT_CONTEXT, assignmentContext);
        return consumerOwned(p);
    }

    /** The changelog reader of a worker: no group, assigned partitions only. */
    public Map<String, Object> restoreConsumer(String clientId) {
        Map<String, Object> p = build(clientId, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                config.consumerProperties());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A restore ends on a transaction marker, which no fetch returns as a record: waiting
        // for more data there would add the whole fetch wait to every task's restore.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        return consumerOwned(p);
    }

    /** The producer of a worker: transactional under exactly-once. */
    public Map<String, Object> producer(String clientId, String transactionalId) {
        Map<String, Object> p = build(clientId, Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, config.checkpointTimeout().toMillis()), config.producerProperties());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        if (config.processingGuarantee() == ProcessingGuarantee.EXACTLY_ONCE) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
        }
        return p;
    }

    /** The admin client that provisions topics at start-up. */
    public Map<String, Object> admin(String clientId) {
        return build(clientId, Map.of(), config.adminProperties());
    }

    /** Weir's defaults, then {@code weir.kafka.*}, then the client's own {@code weir.kafka.<client>.*}. */
    private Map<String, Object> build(String clientId, Map<String, Object> defaults, Map<String, Object> clientProperties) {
        Map<String, Object> p = new HashMap<>(defaults);
        p.putAll(config.kafkaProperties());
        p.putAll(clientProperties);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    private static Map<String, Object> consumerOwned(Map<String, Object> p) {
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }

    // Several workers sharing one id would fence each other; the identity of an instance is weir.instance-id.
    private static void rejectGroupInstanceId(String prefix, Set<String> given) {
        if (given.contains(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            throw new WeirConfigException(prefix + ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "is set by Weir: each "
                    + "worker is a static member named <application-id>-<instance-id>-<worker>; set weir.instance-id "
                    + "to name the instance");
        }
    }

    private static void rejectOwned(String prefix, Set<String> given, Set<String> owned) {
        for (String key : given) {
            if (owned.contains(key)) {
                throw new WeirConfigException(prefix + key, "is set by Weir, because exactly-once depends on it");
            }
        }
    }
}
