package dev.weir.internals.operators;

/**
 * A record found in a partition its key does not belong to, in a stream declared already
 * keyed: its producer did not partition by the same serialized key.
 */
public final class MisplacedKeyException extends RuntimeException {

    public MisplacedKeyException(int keyGroup, int partitionCount, int partition) {
        super("the record's key belongs to key group " + keyGroup + ", hence to partition "
                + keyGroup % partitionCount + " of " + partitionCount + ", but was read from partition " + partition
                + ": the stream was declared keyed (reinterpretAsKeyed) but its producer partitioned it otherwise");
    }
}
