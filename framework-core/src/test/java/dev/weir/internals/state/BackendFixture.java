package dev.weir.internals.state;

import dev.weir.internals.keygroup.KeyGroups;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real task state backend in a temporary directory, with a clock the test moves and a key
 * context the test points at string keys.
 */
final class BackendFixture implements AutoCloseable {

    static final int KEY_GROUPS = 128;
    static final String OPERATOR = "operator";

    final Path directory;
    final SharedRocksDbResources resources = SharedRocksDbResources.create(32L << 20);
    final AtomicLong clock = new AtomicLong(1_000_000);
    final KeyContext keys = new KeyContext();
    TaskStateBackend backend;

    BackendFixture(Path directory) {
        this.directory = directory;
        this.backend = TaskStateBackend.open(directory, resources, clock::get);
    }

    /** Makes {@code key} (UTF-8) the current key. */
    void key(String key) {
        byte[] serialized = key.getBytes(StandardCharsets.UTF_8);
        keys.setCurrentKey(KeyGroups.keyGroupOf(serialized, KEY_GROUPS), serialized);
    }

    <S extends State> S state(StateDescriptor<S, ?> descriptor) {
        return backend.getKeyedState(OPERATOR, descriptor, keys);
    }

    /** Closes the backend (dropping staged changes) and opens the same directory again. */
    void reopen() {
        backend.close();
        backend = TaskStateBackend.open(directory, resources, clock::get);
    }

    @Override
    public void close() {
        backend.close();
        resources.close();
    }
}
