package dev.weir.internals.operators;

import dev.weir.internals.eventtime.UpstreamWatermarks;
import dev.weir.internals.eventtime.WatermarkRecords;
import dev.weir.internals.keygroup.KeyGroups;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a repartition topic straight into a keyed operator: the record key is the serialized
 * key, the record timestamp the element's event time. Watermark records the upstream tasks
 * interleave go to the split's watermark instead.
 */
public final class RepartitionSplitInput<T, K> implements SplitInput {

    private final String uid;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<T> valueDeserializer;
    private final int keyGroups;
    private final UpstreamWatermarks watermarks;
    private final KeyedInput<T, K> target;

    public RepartitionSplitInput(String uid, Deserializer<K> keyDeserializer, Deserializer<T> valueDeserializer,
                                 int keyGroups, UpstreamWatermarks watermarks, KeyedInput<T, K> target) {
        this.uid = uid;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.keyGroups = keyGroups;
        this.watermarks = watermarks;
        this.target = target;
    }

    @Override
    public void process(ConsumerRecord<byte[], byte[]> record) {
        WatermarkRecords.UpstreamWatermark upstream = WatermarkRecords.read(record.headers());
        if (upstream != null) {
            watermarks.onUpstreamWatermark(upstream.upstreamTask(), upstream.watermark(), upstream.idle());
            return;
        }
        K key;
        T value;
        try {
            key = keyDeserializer.deserialize(record.topic(), record.headers(), record.key());
            value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            throw OperatorException.wrap(uid, e);
        }
        target.processKeyed(key, record.key(), KeyGroups.keyGroupOf(record.key(), keyGroups), value);
    }
}
