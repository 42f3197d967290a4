package dev.weir.internals.state;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The RocksDB resources every task of a process shares, so that all keyed state of the
 * process is bounded by one number: one LRU block cache of {@code memoryBytes}, and one write
 * buffer manager whose memtables are charged to that same cache.
 *
 * <p>Thread-safe. Close it after every {@link TaskStateBackend} that uses it; closing it
 * earlier is refused, because RocksDB would crash on freed native memory.
 */
public final class SharedRocksDbResources implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    /** Index and filter blocks go to a high-priority pool so data blocks cannot evict them. */
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;
    /** Up to half of the budget may be memtables; the rest caches blocks. */
    private static final double WRITE_BUFFER_RATIO = 0.5;
    private static final double BLOOM_BITS_PER_KEY = 10;

    private final long memoryBytes;
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private final BloomFilter bloomFilter;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions columnFamilyOptions;
    private int openBackends;
    private boolean closed;

    private SharedRocksDbResources(long memoryBytes) {
        this.memoryBytes = memoryBytes;
        // Not a strict limit: a strict cache fails reads when full instead of exceeding a little.
        this.cache = new LRUCache(memoryBytes, -1, false, HIGH_PRIORITY_POOL_RATIO);
        this.writeBufferManager = new WriteBufferManager((long) (memoryBytes * WRITE_BUFFER_RATIO), cache);
        this.bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY, false);
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                // Each reopen rotates RocksDB's info LOG; without a limit task directories collect them.
                .setKeepLogFileNum(2)
                .setWriteBufferManager(writeBufferManager);
        BlockBasedTableConfig tableConfig = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setFilterPolicy(bloomFilter);
        this.columnFamilyOptions = new ColumnFamilyOptions().setTableFormatConfig(tableConfig);
    }

    /**
     * Creates the resources for a process whose keyed state may use {@code memoryBytes} of
     * native memory (block cache and memtables together).
     */
    public static SharedRocksDbResources create(long memoryBytes) {
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("The state memory budget must be positive, got " + memoryBytes);
        }
        return new SharedRocksDbResources(memoryBytes);
    }

    /** The memory budget of all keyed state of the process, in bytes. */
    /**
     * The memory RocksDB uses now within {@link #memoryBytes()}: block cache and write buffers,
     * which are charged to the cache; 0 once closed.
     */
    public synchronized long memoryUsage() {
        return closed ? 0 : cache.getUsage();
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    DBOptions dbOptions() {
        return dbOptions;
    }

    ColumnFamilyOptions columnFamilyOptions() {
        return columnFamilyOptions;
    }

    synchronized void acquire() {
        if (closed) {
            throw new IllegalStateException("The shared RocksDB resources are closed");
        }
        openBackends++;
    }

    synchronized void release() {
        openBackends--;
    }

    /**
     * Frees the native resources.
     *
     * @throws IllegalStateException if a backend using them is still open
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (openBackends > 0) {
            throw new IllegalStateException("Cannot close the shared RocksDB resources: "
                    + openBackends + " task state backend(s) still use them");
        }
        closed = true;
        columnFamilyOptions.close();
        dbOptions.close();
        bloomFilter.close();
        writeBufferManager.close();
        cache.close();
    }
}
