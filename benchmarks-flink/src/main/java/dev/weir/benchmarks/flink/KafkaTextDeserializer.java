package dev.weir.benchmarks.flink;

import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a Kafka record's UTF-8 key and value; KafkaSource itself carries the timestamp along. */
final class KafkaTextDeserializer implements KafkaRecordDeserializationSchema<KafkaText> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaText> out) {
        out.collect(new KafkaText(text(record.key()), text(record.value())));
    }

    @Override
    public TypeInformation<KafkaText> getProducedType() {
        return TypeInformation.of(KafkaText.class);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
