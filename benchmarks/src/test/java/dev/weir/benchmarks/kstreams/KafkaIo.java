package dev.weir.benchmarks.kstreams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes a test's input, reads its committed output and its group's committed offsets. */
final class KafkaIo implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    KafkaIo(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    /**
     * Writes records, each to its own partition if it names one (&ge; 0) or by key otherwise, and
     * waits until all are acknowledged.
     *
     * @return the records as written, with their partitions
     */
    List<TimedRecord> produce(String topic, List<TimedRecord> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (TimedRecord record : records) {
            Integer partition = record.partition() >= 0 ? record.partition() : null;
            sent.add(producer.send(new ProducerRecord<>(topic, partition, record.timestamp(), record.key(),
                    record.value())));
        }
        List<TimedRecord> written = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            TimedRecord record = records.get(i);
            written.add(new TimedRecord(get(sent.get(i)).partition(), record.key(), record.value(),
                    record.timestamp()));
        }
        return written;
    }

    /** Every committed record of a topic, read with {@code read_committed} up to its end. */
    List<TimedRecord> readCommitted(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<TimedRecord> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new TimedRecord(record.partition(), record.key(), record.value(), record.timestamp()));
                }
            }
            return records;
        }
    }

    /**
     * Whether the group has committed the end offset of every partition of the input and of every
     * other partition it has committed an offset for. The others are Kafka Streams' repartition
     * topics: the input's offsets can be committed while records of the last input are still
     * waiting in a repartition topic for the next sub-topology.
     */
    boolean committedEndOffsets(String group, String input) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        int inputPartitions = get(admin.describeTopics(List.of(input)).allTopicNames()).get(input).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        IntStream.range(0, inputPartitions).forEach(partition ->
                latest.put(new TopicPartition(input, partition), OffsetSpec.latest()));
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                && committed.get(end.getKey()).offset() == end.getValue().offset());
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
