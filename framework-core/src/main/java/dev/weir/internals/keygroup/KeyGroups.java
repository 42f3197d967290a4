package dev.weir.internals.keygroup;

import org.apache.kafka.common.utils.Utils;

/**
 * Key-group arithmetic shared by state, partitioning and assignment.
 *
 * <p>A key's group is {@code toPositive(murmur2(serializedKey)) % G}. The task for partition
 * {@code p} of a {@code P}-partition topic owns the groups with {@code kg % P == p}; because
 * {@code P} divides {@code G} this is exactly the partition Kafka's default partitioner picks
 * for the same serialized key, so a topic keyed by its producer needs no repartition.
 */
public final class KeyGroups {

    /** The largest key-group count: key groups are stored as two unsigned bytes. */
    public static final int MAX_KEY_GROUPS = 65_536;

    private KeyGroups() {
    }

    /** The key group of a serialized key. */
    public static int keyGroupOf(byte[] serializedKey, int keyGroupCount) {
        return Utils.toPositive(Utils.murmur2(serializedKey)) % keyGroupCount;
    }

    /** The partition of a {@code partitionCount}-partition topic that owns a key group. */
    public static int partitionOf(int keyGroup, int partitionCount) {
        return keyGroup % partitionCount;
    }

    /** Whether a topic with this many partitions can be keyed under {@code keyGroupCount} groups. */
    public static boolean divides(int partitionCount, int keyGroupCount) {
        return partitionCount > 0 && keyGroupCount % partitionCount == 0;
    }
}
