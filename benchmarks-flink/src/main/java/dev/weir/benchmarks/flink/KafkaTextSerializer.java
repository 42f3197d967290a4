package dev.weir.benchmarks.flink;

import java.nio.charset.StandardCharsets;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a {@link KafkaText} to one topic with the element's timestamp as the record timestamp, so that
 * passthrough and fraud output carry the timestamp of the input record that produced them. The partition
 * is left to the producer's partitioner (hash of the key).
 */
final class KafkaTextSerializer implements KafkaRecordSerializationSchema<KafkaText> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    KafkaTextSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(KafkaText element, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, bytes(element.key()), bytes(element.value()));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
