package dev.weir.internals.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes expired entries of the TTL'd states a little at a time: each call resumes where the
 * previous one stopped, going round the states' tables, so entries that are never read again
 * still leave RocksDB and the compacted changelog.
 */
final class TtlPurger {

    private static final byte[] FIRST_KEY = new byte[0];

    private final List<Target> targets = new ArrayList<>();
    private final Set<String> targetIds = new HashSet<>();
    private int cursorTarget;
    private byte[] cursorKey = FIRST_KEY;

    void register(StagedTable table, TtlValueStorage storage) {
        if (targetIds.add(table.id())) {
            targets.add(new Target(table, storage));
        }
    }

    /**
     * Examines at most {@code maxEntries} entries from the cursor on, stages the deletion of
     * those expired at {@code now}, and returns how many it deleted. Visits each table's end
     * at most once per call, so small tables are not scanned repeatedly.
     */
    int purge(int maxEntries, long now) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative, got " + maxEntries);
        }
        int examined = 0;
        int purged = 0;
        int tableEndsReached = 0;
        while (examined < maxEntries && tableEndsReached < targets.size()) {
            Target target = targets.get(cursorTarget);
            int wanted = Math.min(PrefixScanIterator.CHUNK_SIZE, maxEntries - examined);
            List<StoredEntry> chunk = target.table.scan(cursorKey, null, wanted);
            for (StoredEntry entry : chunk) {
                if (target.storage.isExpired(entry.value(), now)) {
                    target.table.delete(entry.key());
                    purged++;
                }
            }
            examined += chunk.size();
            if (chunk.size() < wanted) {
                cursorTarget = (cursorTarget + 1) % targets.size();
                cursorKey = FIRST_KEY;
                tableEndsReached++;
            } else {
                cursorKey = ByteKeys.successor(chunk.get(chunk.size() - 1).key());
            }
        }
        return purged;
    }

    private record Target(StagedTable table, TtlValueStorage storage) {
    }
}
