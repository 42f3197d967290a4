package dev.weir.internals.state;

import dev.weir.internals.keygroup.KeyGroups;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The earliest timer of each key group of one timer table, so that the earliest timer of all
 * is known without touching RocksDB.
 *
 * <p>Built lazily with one seek per non-empty key group. Registrations and firings keep it
 * exact. A change it cannot follow in place (deleting a group's head, an undo) marks the group
 * stale together with a floor, a key below which the group has no live timer, and the next
 * query rescans the group from that floor: seeking from the floor rather than the group's
 * start skips the deletions that firing leaves behind. A discard or restore drops the index.
 */
final class TimerIndex implements TableWatcher {

    private static final byte[] FIRST_KEY = new byte[0];
    private static final Comparator<Head> EARLIEST_FIRST =
            Comparator.comparingLong(Head::timestamp).thenComparingInt(Head::keyGroup);

    private final StagedTable table;
    private final TreeSet<Head> heads = new TreeSet<>(EARLIEST_FIRST);
    private final Map<Integer, Head> headByGroup = new HashMap<>();
    private final Map<Integer, byte[]> staleFloors = new HashMap<>();
    private boolean built;

    TimerIndex(StagedTable table) {
        this.table = table;
    }

    /** The earliest timer of all, or {@code null} if there is none. */
    Head earliest() {
        refresh();
        return heads.isEmpty() ? null : heads.first();
    }

    /** The timer {@code key} was staged. */
    void added(byte[] key) {
        if (!built) {
            return;
        }
        int keyGroup = StateKeyCodec.keyGroupOf(key);
        byte[] floor = staleFloors.get(keyGroup);
        if (floor != null) {
            staleFloors.put(keyGroup, lower(floor, key));
            return;
        }
        Head head = headByGroup.get(keyGroup);
        if (head == null || ByteKeys.ORDER.compare(key, head.key()) < 0) {
            setHead(keyGroup, key);
        }
    }

    /** The deletion of timer {@code key} was staged. */
    void removed(byte[] key) {
        if (!built) {
            return;
        }
        int keyGroup = StateKeyCodec.keyGroupOf(key);
        Head head = headByGroup.get(keyGroup);
        if (!staleFloors.containsKey(keyGroup) && head != null && Arrays.equals(head.key(), key)) {
            staleFloors.put(keyGroup, head.key());
        }
    }

    /** The deletion of {@code head}, the earliest timer as returned by {@link #earliest()}, was staged. */
    void fired(Head head) {
        byte[] prefix = StateKeyCodec.keyGroupPrefix(head.keyGroup());
        List<StoredEntry> next = table.scan(ByteKeys.successor(head.key()), ByteKeys.prefixEnd(prefix), 1);
        if (next.isEmpty()) {
            removeHead(head.keyGroup());
        } else {
            setHead(head.keyGroup(), next.get(0).key());
        }
    }

    @Override
    public void keyReverted(byte[] key) {
        if (!built) {
            return;
        }
        int keyGroup = StateKeyCodec.keyGroupOf(key);
        byte[] floor = staleFloors.get(keyGroup);
        if (floor == null) {
            Head head = headByGroup.get(keyGroup);
            floor = head == null ? key : head.key();
        }
        staleFloors.put(keyGroup, lower(floor, key));
    }

    @Override
    public void contentsReplaced() {
        built = false;
    }

    private void refresh() {
        if (!built) {
            rebuild();
            return;
        }
        for (Map.Entry<Integer, byte[]> stale : staleFloors.entrySet()) {
            int keyGroup = stale.getKey();
            List<StoredEntry> first = table.scan(
                    stale.getValue(), ByteKeys.prefixEnd(StateKeyCodec.keyGroupPrefix(keyGroup)), 1);
            if (first.isEmpty()) {
                removeHead(keyGroup);
            } else {
                setHead(keyGroup, first.get(0).key());
            }
        }
        staleFloors.clear();
    }

    /** One seek per non-empty key group: the first key found in a group is its earliest timer. */
    private void rebuild() {
        heads.clear();
        headByGroup.clear();
        staleFloors.clear();
        byte[] from = FIRST_KEY;
        List<StoredEntry> first;
        while (!(first = table.scan(from, null, 1)).isEmpty()) {
            byte[] key = first.get(0).key();
            int keyGroup = StateKeyCodec.keyGroupOf(key);
            setHead(keyGroup, key);
            if (keyGroup == KeyGroups.MAX_KEY_GROUPS - 1) {
                break;
            }
            from = StateKeyCodec.keyGroupPrefix(keyGroup + 1);
        }
        built = true;
    }

    private void setHead(int keyGroup, byte[] key) {
        removeHead(keyGroup);
        Head head = new Head(keyGroup, TimerKeyCodec.timestampOf(key), key);
        heads.add(head);
        headByGroup.put(keyGroup, head);
    }

    private void removeHead(int keyGroup) {
        Head previous = headByGroup.remove(keyGroup);
        if (previous != null) {
            heads.remove(previous);
        }
    }

    private static byte[] lower(byte[] a, byte[] b) {
        return ByteKeys.ORDER.compare(a, b) <= 0 ? a : b;
    }

    /** A key group's earliest timer. */
    record Head(int keyGroup, long timestamp, byte[] key) {
    }
}
