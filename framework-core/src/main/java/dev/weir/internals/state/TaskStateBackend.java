package dev.weir.internals.state;

import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import dev.weir.state.StateException;
import dev.weir.state.StateTtlConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyed state and timers of one task: one RocksDB instance, one column family per state
 * ({@code operatorUid/stateName}) and per timer domain ({@code operatorUid/__timers/domain}).
 *
 * <p>Every write is staged in memory and reaches RocksDB only through
 * {@link #commitStaged(long)}, after the checkpoint's Kafka transaction committed, in one
 * atomic write together with the changelog offset it corresponds to. Local state therefore
 * never runs ahead of Kafka: after a crash it is reused and only the changelog past
 * {@link #committedChangelogOffset()} is replayed. The WAL is not synced: losing its tail to a
 * machine crash only rewinds state and offset together, and the replay covers the gap.
 *
 * <p>Not thread-safe: a backend belongs to the one worker thread that runs its task.
 */
public final class TaskStateBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskStateBackend.class);
    private static final byte[] COMMITTED_OFFSET_KEY = "weir.changelog.next-offset".getBytes(StandardCharsets.UTF_8);
    private static final String TIMERS_INFIX = "/__timers/";
    private static final String DEFAULT_COLUMN_FAMILY = new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8);

    private final Path directory;
    private final SharedRocksDbResources resources;
    private final LongSupplier processingClock;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultColumnFamily;
    private final WriteOptions writeOptions = new WriteOptions().setSync(false).setDisableWAL(false);
    private final UndoLog undoLog = new UndoLog();
    private final Map<String, StagedTable> tables = new LinkedHashMap<>();
    private final Map<String, Declaration> declarations = new HashMap<>();
    private final Map<String, InternalTimerService> timerServices = new HashMap<>();
    private final TtlPurger ttlPurger = new TtlPurger();
    private OptionalLong committedChangelogOffset;
    private WriteBatch restoreBatch;
    private boolean closed;

    private TaskStateBackend(
            Path directory,
            SharedRocksDbResources resources,
            LongSupplier processingClock,
            RocksDB db,
            List<ColumnFamilyHandle> handles,
            OptionalLong committedChangelogOffset) {
        this.directory = directory;
        this.resources = resources;
        this.processingClock = processingClock;
        this.db = db;
        ColumnFamilyHandle defaultHandle = null;
        for (ColumnFamilyHandle handle : handles) {
            String id = nameOf(handle);
            if (id.equals(DEFAULT_COLUMN_FAMILY)) {
                defaultHandle = handle;
            } else {
                tables.put(id, new StagedTable(id, db, handle, undoLog));
            }
        }
        this.defaultColumnFamily = Objects.requireNonNull(defaultHandle, "RocksDB opened without its default column family");
        this.committedChangelogOffset = committedChangelogOffset;
    }

    /**
     * Opens the task state in {@code directory}, creating it if missing and reopening every
     * column family it already has.
     *
     * @param processingClock the processing time in epoch millis, for TTL
     */
    public static TaskStateBackend open(Path directory, SharedRocksDbResources resources, LongSupplier processingClock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(processingClock, "processingClock");
        resources.acquire();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = null;
        try {
            Files.createDirectories(directory);
            List<ColumnFamilyDescriptor> families = new ArrayList<>();
            for (byte[] name : existingColumnFamilies(directory)) {
                families.add(new ColumnFamilyDescriptor(name, resources.columnFamilyOptions()));
            }
            db = RocksDB.open(resources.dbOptions(), directory.toString(), families, handles);
            byte[] offset = db.get(COMMITTED_OFFSET_KEY);
            OptionalLong committed = offset == null ? OptionalLong.empty() : OptionalLong.of(new ByteReader(offset).readLong());
            LOG.info("Opened task state in {}: {} column families, committed changelog offset {}",
                    directory, handles.size(), committed);
            return new TaskStateBackend(directory, resources, processingClock, db, handles, committed);
        } catch (IOException | RocksDBException | RuntimeException e) {
            handles.forEach(ColumnFamilyHandle::close);
            if (db != null) {
                db.close();
            }
            resources.release();
            throw new StateException("Cannot open the task state in " + directory, e);
        }
    }

    /** Deletes a task's state directory, if it exists. The backend on it must be closed. */
    public static void destroy(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new StateException("Cannot delete the task state in " + directory, e);
        }
    }

    /**
     * A handle on the keyed state {@code descriptor} declares for {@code operatorUid}, addressing
     * {@code keyContext}'s current key. Asking again for the same state returns an equivalent
     * handle over the same data.
     *
     * @throws IllegalArgumentException if {@code operatorUid} is blank or contains '/'
     * @throws IllegalStateException if the state was already declared with another type or TTL
     */
    public <S extends State> S getKeyedState(String operatorUid, StateDescriptor<S, ?> descriptor, KeyContext keyContext) {
        ensureOpen();
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(keyContext, "keyContext");
        String stateId = validSegment(operatorUid, "operator uid") + "/" + descriptor.name();
        Declaration declaration = Declaration.of(descriptor);
        Declaration earlier = declarations.putIfAbsent(stateId, declaration);
        if (earlier != null && !earlier.equals(declaration)) {
            throw new IllegalStateException("State '" + stateId + "' was declared as " + earlier
                    + " and cannot also be declared as " + declaration);
        }
        StagedTable table = table(stateId);
        ValueStorage storage = descriptor.ttlConfig()
                .<ValueStorage>map(ttl -> ttlStorage(table, ttl))
                .orElse(PlainValueStorage.INSTANCE);
        return KeyedStateFactory.create(descriptor, table, storage, keyContext);
    }

    /**
     * The timers of {@code operatorUid} in {@code domain} (such as "processing"), addressing
     * {@code keyContext}'s current key. Asking again returns the same service.
     *
     * @throws IllegalArgumentException if a name is blank or contains '/', or if the service
     *         was already obtained with another key context
     */
    public InternalTimerService timerService(String operatorUid, String domain, KeyContext keyContext) {
        ensureOpen();
        Objects.requireNonNull(keyContext, "keyContext");
        String id = validSegment(operatorUid, "operator uid") + TIMERS_INFIX + validSegment(domain, "timer domain");
        InternalTimerService service = timerServices.get(id);
        if (service == null) {
            service = new InternalTimerService(table(id), keyContext);
            timerServices.put(id, service);
        } else if (service.keyContext() != keyContext) {
            throw new IllegalArgumentException("The timers '" + id + "' are already bound to another key context");
        }
        return service;
    }

    /** Hands every staged change (state and timers) to {@code consumer}, table by table in key order. */
    public void forEachStagedChange(StagedChangeConsumer consumer) {
        ensureOpen();
        tables.values().forEach(table -> table.forEachStaged(consumer));
    }

    /** Whether anything was written since the last commit or discard. */
    public boolean hasStagedChanges() {
        return tables.values().stream().anyMatch(table -> table.stagedCount() > 0);
    }

    /** How many keys were written (or deleted) since the last commit or discard. */
    public int stagedChangeCount() {
        return tables.values().stream().mapToInt(StagedTable::stagedCount).sum();
    }

    /**
     * Writes every staged change and {@code nextChangelogOffset} to RocksDB in one atomic
     * batch, then forgets the staged changes. Call only after the checkpoint's transaction
     * committed.
     */
    public void commitStaged(long nextChangelogOffset) {
        ensureOpen();
        requireNoRestoreInProgress();
        try (WriteBatch batch = new WriteBatch()) {
            for (StagedTable table : tables.values()) {
                table.addStagedTo(batch);
            }
            batch.put(defaultColumnFamily, COMMITTED_OFFSET_KEY, encodeOffset(nextChangelogOffset));
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new StateException("Cannot commit the staged state of " + directory, e);
        }
        tables.values().forEach(StagedTable::committed);
        undoLog.stop();
        committedChangelogOffset = OptionalLong.of(nextChangelogOffset);
    }

    /** Forgets every staged change: reads see the last committed state again. */
    public void discardStaged() {
        ensureOpen();
        tables.values().forEach(StagedTable::discard);
        undoLog.stop();
    }

    /** The changelog offset recorded by the last commit or restore; empty for a new task state. */
    public OptionalLong committedChangelogOffset() {
        return committedChangelogOffset;
    }

    /** Starts a record: its writes (state and timers) can be undone until the next record. */
    public void beginRecord() {
        undoLog.begin();
    }

    /**
     * Undoes every write since {@link #beginRecord()}, for a record whose processing failed.
     *
     * @throws IllegalStateException if no record was begun since the last commit or discard
     */
    public void undoRecord() {
        undoLog.undo();
    }

    /**
     * Buffers one changelog entry to be written by {@link #finishRestoreBatch(long)}, creating
     * the state's column family if it does not exist yet. Restore before staging any write.
     *
     * @param valueOrNull the stored value, or {@code null} for a deletion
     */
    public void restore(String stateId, byte[] dbKey, byte[] valueOrNull) {
        ensureOpen();
        if (restoreBatch == null) {
            if (hasStagedChanges()) {
                throw new IllegalStateException("Cannot restore over staged changes: commit or discard them first");
            }
            restoreBatch = new WriteBatch();
        }
        ColumnFamilyHandle handle = table(stateId).handle();
        try {
            if (valueOrNull == null) {
                restoreBatch.delete(handle, dbKey);
            } else {
                restoreBatch.put(handle, dbKey, valueOrNull);
            }
        } catch (RocksDBException e) {
            throw new StateException("Cannot restore an entry of state '" + stateId + "'", e);
        }
    }

    /**
     * Writes the entries buffered by {@link #restore} together with {@code nextChangelogOffset},
     * atomically. Call it once per polled batch of changelog records.
     */
    public void finishRestoreBatch(long nextChangelogOffset) {
        ensureOpen();
        WriteBatch batch = restoreBatch == null ? new WriteBatch() : restoreBatch;
        restoreBatch = null;
        try (batch) {
            batch.put(defaultColumnFamily, COMMITTED_OFFSET_KEY, encodeOffset(nextChangelogOffset));
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new StateException("Cannot write restored state to " + directory, e);
        }
        tables.values().forEach(StagedTable::restored);
        committedChangelogOffset = OptionalLong.of(nextChangelogOffset);
    }

    /**
     * Examines at most {@code maxEntries} entries of the TTL'd states declared so far, resuming
     * where the previous call stopped, and stages the deletion of the expired ones.
     *
     * @return how many expired entries were staged for deletion
     */
    public int purgeExpired(int maxEntries) {
        ensureOpen();
        return ttlPurger.purge(maxEntries, processingClock.getAsLong());
    }

    /** RocksDB's estimate of the live data of every state of the task, in bytes. */
    public long estimatedLiveDataBytes() {
        ensureOpen();
        long bytes = 0;
        try {
            for (StagedTable table : tables.values()) {
                bytes += db.getLongProperty(table.handle(), "rocksdb.estimate-live-data-size");
            }
        } catch (RocksDBException e) {
            throw new StateException("Cannot read the size of the task state in " + directory, e);
        }
        return bytes;
    }

    /** Releases the native handles; staged changes are dropped. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (restoreBatch != null) {
            restoreBatch.close();
        }
        tables.values().forEach(table -> table.handle().close());
        defaultColumnFamily.close();
        db.close();
        writeOptions.close();
        resources.release();
    }

    private StagedTable table(String id) {
        StagedTable table = tables.get(id);
        if (table == null) {
            try {
                ColumnFamilyHandle handle = db.createColumnFamily(
                        new ColumnFamilyDescriptor(id.getBytes(StandardCharsets.UTF_8), resources.columnFamilyOptions()));
                table = new StagedTable(id, db, handle, undoLog);
            } catch (RocksDBException e) {
                throw new StateException("Cannot create the column family of '" + id + "' in " + directory, e);
            }
            tables.put(id, table);
        }
        return table;
    }

    private ValueStorage ttlStorage(StagedTable table, StateTtlConfig ttl) {
        TtlValueStorage storage = new TtlValueStorage(ttl, processingClock);
        ttlPurger.register(table, storage);
        return storage;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The task state in " + directory + " is closed");
        }
    }

    private void requireNoRestoreInProgress() {
        if (restoreBatch != null) {
            throw new IllegalStateException("A restore batch is in progress: finish it with finishRestoreBatch first");
        }
    }

    private static List<byte[]> existingColumnFamilies(Path directory) throws RocksDBException {
        if (!Files.exists(directory.resolve("CURRENT"))) {
            return List.of(RocksDB.DEFAULT_COLUMN_FAMILY);
        }
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, directory.toString());
        }
    }

    private static String nameOf(ColumnFamilyHandle handle) {
        try {
            return new String(handle.getName(), StandardCharsets.UTF_8);
        } catch (RocksDBException e) {
            throw new StateException("Cannot read a column family name", e);
        }
    }

    private static byte[] encodeOffset(long offset) {
        byte[] encoded = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            encoded[i] = (byte) (offset >>> (56 - 8 * i));
        }
        return encoded;
    }

    private static String validSegment(String value, String what) {
        if (value == null || value.isBlank() || value.indexOf('/') >= 0) {
            throw new IllegalArgumentException("A " + what + " must be non-blank and must not contain '/', got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    /**
     * What a state was first declared as, by type and TTL: both decide how its entries are
     * stored. Copied out of the descriptor because descriptors are mutable.
     */
    private record Declaration(Class<?> type, StateTtlConfig ttl) {

        static Declaration of(StateDescriptor<?, ?> descriptor) {
            return new Declaration(descriptor.getClass(), descriptor.ttlConfig().orElse(null));
        }

        @Override
        public String toString() {
            return type.getSimpleName() + (ttl == null ? " without TTL" : " with " + ttl);
        }
    }
}
