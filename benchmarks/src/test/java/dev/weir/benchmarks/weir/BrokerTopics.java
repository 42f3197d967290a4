package dev.weir.benchmarks.weir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.weir.benchmarks.workloads.InputGenerator;
import dev.weir.benchmarks.workloads.InputRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Loads generated input, tells when a group has consumed a topic, and reads topics back, for the runner tests. */
final class BrokerTopics {

    private final String bootstrapServers;
    private volatile String lastLag = "not checked";

    BrokerTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Sends the generator's first {@code count} records, each changed by {@code restamp}, and waits
     * for the acks: keyed records where Kafka's default partitioner puts them, unkeyed ones round-robin.
     */
    void load(String topic, InputGenerator generator, int count, UnaryOperator<InputRecord> restamp) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10),
                new StringSerializer(), new StringSerializer())) {
            int partitions = producer.partitionsFor(topic).size();
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (int i = 0; i < count; i++) {
                InputRecord record = restamp.apply(generator.next());
                // Unkeyed records round-robin, so that every partition's event time keeps up.
                producer.send(record.key() != null ? record.toProducerRecord(topic)
                        : new ProducerRecord<>(topic, i % partitions, record.timestamp(), null, record.value()),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("loading " + topic + " failed", failure.get());
            }
        }
    }

    /**
     * Whether {@code group} has consumed every committed record of {@code input} and of its
     * repartition topics ({@code <group>-…-repartition}): a pipeline with several stages has
     * finished only once its later stages have read them to the end too. A committed offset short of the end offset counts as
     * the end if only transaction markers lie between: a consumer stops before the last marker of
     * a transactional topic until it fetches again, so its group commits that position.
     */
    boolean consumedAll(String group, String input) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
             KafkaConsumer<String, String> consumer = consumer()) {
            ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(group);
            Map<TopicPartition, OffsetAndMetadata> committed = offsets.partitionsToOffsetAndMetadata().get();
            Set<TopicPartition> partitions = new HashSet<>(partitions(consumer, input));
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith(group + "-") && topic.endsWith("-repartition")) {
                    partitions.addAll(partitions(consumer, topic));
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> behind = new ArrayList<>();
            for (TopicPartition p : partitions) {
                long at = committed.get(p) == null ? 0 : committed.get(p).offset();
                if (at < ends.get(p) && hasRecordsBetween(consumer, p, at, ends.get(p))) {
                    behind.add(p + " at " + at + " of " + ends.get(p));
                }
            }
            lastLag = String.join(", ", behind);
            return behind.isEmpty();
        } catch (Exception e) {
            lastLag = e.toString();
            return false;
        }
    }

    private static boolean hasRecordsBetween(KafkaConsumer<String, String> consumer, TopicPartition partition,
                                             long from, long to) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (consumer.position(partition) < to && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                if (r.offset() < to) {
                    return true;
                }
            }
        }
        return consumer.position(partition) < to;
    }

    /** The partitions the last {@link #consumedAll} found unfinished, with committed and end offsets. */
    String lastLag() {
        return lastLag;
    }

    /** Every committed record of {@code topic}, read with {@code read_committed} up to the end offsets. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + ends);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
            return records;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toList());
    }
}
