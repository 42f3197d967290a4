package dev.weir.benchmarks.jmh;

import dev.weir.internals.state.KeyContext;
import dev.weir.internals.state.SharedRocksDbResources;
import dev.weir.internals.state.TaskStateBackend;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One task's keyed state as a worker runs it: a {@link TaskStateBackend} over process-wide
 * {@link SharedRocksDbResources} with the engine's default memory budget, in a fresh directory
 * that {@link #close()} deletes.
 *
 * <p>The directory is created under the system property {@value #STATE_DIRECTORY_PROPERTY} if
 * set (to measure on a particular disk), else under {@code java.io.tmpdir}.
 */
final class TaskStateFixture implements AutoCloseable {

    /** The system property naming the directory the RocksDB directories are created in. */
    static final String STATE_DIRECTORY_PROPERTY = "weir.jmh.state-dir";

    private static final String OPERATOR_UID = "benchmark";
    /** Offset 0 was never written by a changelog: the first checkpoint's offset is above it. */
    private static final long FIRST_CHANGELOG_OFFSET = 1;

    private final Path directory;
    private final SharedRocksDbResources resources;
    private final KeyContext keyContext = new KeyContext();
    private TaskStateBackend backend;
    private long nextChangelogOffset = FIRST_CHANGELOG_OFFSET;

    private TaskStateFixture(Path directory) {
        this.directory = directory;
        this.resources = SharedRocksDbResources.create(EngineDefaults.STATE_MEMORY_BYTES);
        this.backend = TaskStateBackend.open(directory, resources, System::currentTimeMillis);
    }

    /** Opens a task state in a new directory. */
    static TaskStateFixture open() {
        try {
            String parent = System.getProperty(STATE_DIRECTORY_PROPERTY);
            Path directory = parent == null
                    ? Files.createTempDirectory("weir-jmh-")
                    : Files.createTempDirectory(Files.createDirectories(Path.of(parent)), "weir-jmh-");
            return new TaskStateFixture(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory for a benchmark", e);
        }
    }

    /**
     * Where a benchmark's reads find their key, from its {@code readsFrom} parameter.
     *
     * @return true for {@code staged} (the checkpoint staging overlay), false for {@code committed} (RocksDB)
     */
    static boolean readsStaged(String readsFrom) {
        return switch (readsFrom) {
            case "committed" -> false;
            case "staged" -> true;
            default -> throw new IllegalArgumentException("readsFrom must be committed or staged, got " + readsFrom);
        };
    }

    /**
     * Starts a record as a worker does: the next key made current. Reading from RocksDB only, the
     * keys a round wrote are staged by the next round, so they are dropped at each round's start.
     */
    void startRecord(RecordKeys keys, boolean readsStaged) {
        if (!readsStaged && keys.atRoundStart()) {
            backend.discardStaged();
        }
        backend.beginRecord();
        keys.enter(keys.next(), keyContext);
    }

    TaskStateBackend backend() {
        return backend;
    }

    /** The current key (and namespace) every state of this fixture addresses. */
    KeyContext keyContext() {
        return keyContext;
    }

    /** The state {@code descriptor} declares, for the benchmark's one operator. */
    <S extends State> S state(StateDescriptor<S, ?> descriptor) {
        return backend.getKeyedState(OPERATOR_UID, descriptor, keyContext);
    }

    /**
     * Commits everything staged, as a completed checkpoint does, under the next changelog offset.
     *
     * @param changelogRecords how many changelog records the checkpoint wrote
     */
    void commit(int changelogRecords) {
        nextChangelogOffset += changelogRecords;
        backend.commitStaged(nextChangelogOffset);
    }

    /**
     * Commits everything staged and reopens the state, as a restarted worker does: RocksDB flushes
     * its recovered log into a table file on opening, so the committed state is read from table
     * files through the block cache and bloom filters, as a long-running task's mostly is, not
     * from a memtable. State handles obtained before must be obtained again.
     */
    void commitAndReopen() {
        commit(backend.stagedChangeCount());
        backend.close();
        backend = TaskStateBackend.open(directory, resources, System::currentTimeMillis);
    }

    /** Closes the state and the shared resources, and deletes the directory. */
    @Override
    public void close() {
        backend.close();
        resources.close();
        TaskStateBackend.destroy(directory);
    }
}
