package dev.weir.internals.operators;

import dev.weir.functions.KeySelector;
import dev.weir.internals.keygroup.KeyGroups;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes elements to a repartition topic, into the partition that owns their key's group, so
 * that the next stage's task for that partition receives every element of the key.
 */
public final class RepartitionWriter<T, K> implements Output<T> {

    private final String uid;
    private final String topic;
    private final int topicPartitions;
    private final KeySelector<T, K> selector;
    private final Serializer<K> keySerializer;
    private final Serializer<T> valueSerializer;
    private final TaskContext task;

    public RepartitionWriter(String uid, String topic, int topicPartitions, KeySelector<T, K> selector,
                             Serializer<K> keySerializer, Serializer<T> valueSerializer, TaskContext task) {
        this.uid = uid;
        this.topic = topic;
        this.topicPartitions = topicPartitions;
        this.selector = selector;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.task = task;
    }

    @Override
    public void push(T element) {
        byte[] keyBytes;
        byte[] valueBytes;
        try {
            keyBytes = keySerializer.serialize(topic, selector.getKey(element));
            valueBytes = valueSerializer.serialize(topic, element);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
        if (keyBytes == null) {
            throw new OperatorException(uid, new NullPointerException("the key selector returned a null key"));
        }
        int partition = KeyGroups.partitionOf(KeyGroups.keyGroupOf(keyBytes, task.keyGroups()), topicPartitions);
        task.sink().send(topic, partition, keyBytes, valueBytes, task.currentTimestamp());
    }
}
