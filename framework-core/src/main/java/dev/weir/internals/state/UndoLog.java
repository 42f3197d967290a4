package dev.weir.internals.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Remembers, for the record being processed, what the overlay held for each key before the
 * record wrote it, so that a record whose user function throws leaves no trace. One append per
 * write; nothing is copied.
 */
final class UndoLog {

    private final List<Change> changes = new ArrayList<>();
    private boolean recording;

    /** Starts remembering, forgetting what an earlier record wrote. */
    void begin() {
        changes.clear();
        recording = true;
    }

    /**
     * Remembers that {@code key} of {@code table} held {@code previous} in the overlay
     * ({@code null} if it was not staged).
     */
    void written(StagedTable table, byte[] key, byte[] previous) {
        if (recording) {
            changes.add(new Change(table, key, previous));
        }
    }

    /** Restores every overlay entry written since {@link #begin()}, latest first. */
    void undo() {
        if (!recording) {
            throw new IllegalStateException("undoRecord() without beginRecord()");
        }
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            change.table.revert(change.key, change.previous);
        }
        stop();
    }

    /** Stops remembering: the overlay was committed or discarded, so nothing can be undone. */
    void stop() {
        changes.clear();
        recording = false;
    }

    private record Change(StagedTable table, byte[] key, byte[] previous) {
    }
}
