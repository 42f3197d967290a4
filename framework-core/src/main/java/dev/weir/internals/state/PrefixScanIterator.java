package dev.weir.internals.state;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks the visible entries whose keys start with a prefix, a chunk at a time. Each chunk is
 * a fresh scan that starts after the last key seen, so no native iterator outlives a call,
 * an abandoned walk leaks nothing, and writes made while walking are safe (and seen by later
 * chunks). {@link #remove()} stages the deletion of the last entry returned.
 */
final class PrefixScanIterator implements Iterator<StoredEntry> {

    static final int CHUNK_SIZE = 128;

    private final StagedTable table;
    private final ValueStorage storage;
    private final byte[] end;
    private byte[] from;
    private List<StoredEntry> chunk = List.of();
    private int nextInChunk;
    private boolean lastChunk;
    private StoredEntry lastReturned;

    PrefixScanIterator(StagedTable table, ValueStorage storage, byte[] prefix) {
        this.table = table;
        this.storage = storage;
        this.from = prefix;
        this.end = ByteKeys.prefixEnd(prefix);
    }

    @Override
    public boolean hasNext() {
        while (nextInChunk == chunk.size() && !lastChunk) {
            fetchChunk();
        }
        return nextInChunk < chunk.size();
    }

    /** The next entry, with its payload (the stored value without any TTL prefix). */
    @Override
    public StoredEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        lastReturned = chunk.get(nextInChunk++);
        return lastReturned;
    }

    @Override
    public void remove() {
        if (lastReturned == null) {
            throw new IllegalStateException("remove() before next() or twice for one entry");
        }
        table.delete(lastReturned.key());
        lastReturned = null;
    }

    private void fetchChunk() {
        List<StoredEntry> stored = table.scan(from, end, CHUNK_SIZE);
        lastChunk = stored.size() < CHUNK_SIZE;
        if (!stored.isEmpty()) {
            from = ByteKeys.successor(stored.get(stored.size() - 1).key());
        }
        // Expired entries drop out here (and are staged for removal), so a chunk may shrink.
        chunk = stored.stream()
                .map(entry -> new StoredEntry(entry.key(), storage.visible(table, entry.key(), entry.value())))
                .filter(entry -> entry.value() != null)
                .toList();
        nextInChunk = 0;
    }
}
