package dev.weir.internals.state;

import dev.weir.state.StateException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * One column family seen through its overlay of staged (uncommitted) writes.
 *
 * <p>Writes only change the overlay, which is sorted like RocksDB and holds one entry per key,
 * deletions as tombstones. Reads and scans see the overlay over RocksDB, so a task reads its
 * own writes while RocksDB keeps the last committed checkpoint until
 * {@link #addStagedTo(WriteBatch)} has been written.
 */
final class StagedTable {

    /** Marks a staged deletion; compared by identity, never handed out. */
    private static final byte[] TOMBSTONE = new byte[0];

    private final String id;
    private final RocksDB db;
    private final ColumnFamilyHandle handle;
    private final UndoLog undoLog;
    private final NavigableMap<byte[], byte[]> overlay = new TreeMap<>(ByteKeys.ORDER);
    private TableWatcher watcher = TableWatcher.NONE;

    StagedTable(String id, RocksDB db, ColumnFamilyHandle handle, UndoLog undoLog) {
        this.id = id;
        this.db = db;
        this.handle = handle;
        this.undoLog = undoLog;
    }

    String id() {
        return id;
    }

    ColumnFamilyHandle handle() {
        return handle;
    }

    void watch(TableWatcher watcher) {
        this.watcher = watcher;
    }

    /** The stored value of {@code key}, or {@code null} if it has none. */
    byte[] get(byte[] key) {
        byte[] staged = overlay.get(key);
        if (staged == TOMBSTONE) {
            return null;
        }
        if (staged != null) {
            return staged;
        }
        try {
            return db.get(handle, key);
        } catch (RocksDBException e) {
            throw new StateException("Cannot read state '" + id + "'", e);
        }
    }

    /** Whether a write of {@code key} (not a deletion) is staged: then it exists, whatever RocksDB holds. */
    boolean isStaged(byte[] key) {
        byte[] staged = overlay.get(key);
        return staged != null && staged != TOMBSTONE;
    }

    void put(byte[] key, byte[] value) {
        undoLog.written(this, key, overlay.put(key, value));
    }

    void delete(byte[] key) {
        undoLog.written(this, key, overlay.put(key, TOMBSTONE));
    }

    /**
     * Up to {@code limit} live entries with keys in {@code [from, to)}, in key order; staged
     * values win over committed ones and tombstones hide them. {@code to == null} scans to the
     * end. The result is a copy, so callers may write while walking it.
     */
    List<StoredEntry> scan(byte[] from, byte[] to, int limit) {
        List<StoredEntry> entries = new ArrayList<>(Math.min(limit, 64));
        NavigableMap<byte[], byte[]> stagedRange = to == null
                ? overlay.tailMap(from, true)
                : overlay.subMap(from, true, to, false);
        Iterator<Map.Entry<byte[], byte[]>> staged = stagedRange.entrySet().iterator();
        try (Slice upperBound = to == null ? null : new Slice(to);
                ReadOptions readOptions = new ReadOptions();
                RocksIterator committed = db.newIterator(handle, readOptions.setIterateUpperBound(upperBound))) {
            committed.seek(from);
            Map.Entry<byte[], byte[]> stagedEntry = next(staged);
            byte[] committedKey = committed.isValid() ? committed.key() : null;
            while (entries.size() < limit && (stagedEntry != null || committedKey != null)) {
                int order = stagedEntry == null ? 1
                        : committedKey == null ? -1
                        : ByteKeys.ORDER.compare(stagedEntry.getKey(), committedKey);
                if (order <= 0) {
                    if (stagedEntry.getValue() != TOMBSTONE) {
                        entries.add(new StoredEntry(stagedEntry.getKey(), stagedEntry.getValue()));
                    }
                    stagedEntry = next(staged);
                } else {
                    entries.add(new StoredEntry(committedKey, committed.value()));
                }
                if (order >= 0) {
                    committed.next();
                    committedKey = committed.isValid() ? committed.key() : null;
                }
            }
            committed.status();
        } catch (RocksDBException e) {
            throw new StateException("Cannot scan state '" + id + "'", e);
        }
        return entries;
    }

    int stagedCount() {
        return overlay.size();
    }

    void forEachStaged(StagedChangeConsumer consumer) {
        for (Map.Entry<byte[], byte[]> entry : overlay.entrySet()) {
            byte[] value = entry.getValue();
            consumer.accept(id, entry.getKey(), value == TOMBSTONE ? null : value);
        }
    }

    void addStagedTo(WriteBatch batch) throws RocksDBException {
        for (Map.Entry<byte[], byte[]> entry : overlay.entrySet()) {
            if (entry.getValue() == TOMBSTONE) {
                batch.delete(handle, entry.getKey());
            } else {
                batch.put(handle, entry.getKey(), entry.getValue());
            }
        }
    }

    /** Forgets the staged writes after they were committed: what a read sees is unchanged. */
    void committed() {
        overlay.clear();
    }

    /** Forgets the staged writes without committing them: reads see RocksDB again. */
    void discard() {
        overlay.clear();
        watcher.contentsReplaced();
    }

    /** Restored entries were written to RocksDB underneath this table. */
    void restored() {
        watcher.contentsReplaced();
    }

    /** Puts back what the overlay held for {@code key} before a write being undone. */
    void revert(byte[] key, byte[] previous) {
        if (previous == null) {
            overlay.remove(key);
        } else {
            overlay.put(key, previous);
        }
        watcher.keyReverted(key);
    }

    private static Map.Entry<byte[], byte[]> next(Iterator<Map.Entry<byte[], byte[]>> iterator) {
        return iterator.hasNext() ? iterator.next() : null;
    }
}
