package dev.weir.internals.operators;

import dev.weir.functions.KeySelector;
import dev.weir.internals.keygroup.KeyGroups;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Feeds a keyed operator from a stream declared already partitioned by the key: it extracts and
 * serializes the key, and rejects an element whose key belongs to another partition.
 */
public final class KeySelectingOutput<T, K> implements Output<T> {

    private final String uid;
    private final KeySelector<T, K> selector;
    private final Serializer<K> keySerializer;
    private final KeyedInput<T, K> target;
    private final TaskContext task;

    public KeySelectingOutput(String uid, KeySelector<T, K> selector, Serializer<K> keySerializer,
                              KeyedInput<T, K> target, TaskContext task) {
        this.uid = uid;
        this.selector = selector;
        this.keySerializer = keySerializer;
        this.target = target;
        this.task = task;
    }

    @Override
    public void push(T element) {
        K key;
        byte[] keyBytes;
        try {
            key = selector.getKey(element);
            keyBytes = keySerializer.serialize(uid, key);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
        if (keyBytes == null) {
            throw new OperatorException(uid, new NullPointerException("the key selector returned a null key"));
        }
        int keyGroup = KeyGroups.keyGroupOf(keyBytes, task.keyGroups());
        if (KeyGroups.partitionOf(keyGroup, task.partitionCount()) != task.partition()) {
            throw new OperatorException(uid, new MisplacedKeyException(keyGroup, task.partitionCount(), task.partition()));
        }
        target.processKeyed(key, keyBytes, keyGroup, element);
    }
}
