package dev.weir.test;

/**
 * A decoded record as the checker found it in the output topic.
 *
 * @param partition partition it was read from
 * @param offset    its offset in that partition
 * @param key       decoded key
 * @param value     decoded value
 * @param <K>       key type
 * @param <V>       value type
 */
public record ObservedRecord<K, V>(int partition, long offset, K key, V value) {

    /**
     * Renders the record for failure messages.
     *
     * @return {@code key=value@partition:offset}
     */
    @Override
    public String toString() {
        return key + "=" + value + "@" + partition + ":" + offset;
    }
}
