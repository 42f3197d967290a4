package dev.weir.internals.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What other threads ask of a worker: a checkpoint now, and reads of state. The worker serves
 * both on its own thread, right after a checkpoint, when no element is half-processed and every
 * task's state is exactly what Kafka committed.
 */
final class WorkerMailbox {

    private final Queue<StateRead> reads = new ConcurrentLinkedQueue<>();
    private final List<CompletableFuture<Void>> requested = new ArrayList<>();
    private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    private volatile boolean checkpointRequested;
    private Throwable closedBy;

    /** Asks for a checkpoint that starts after this call; completes when one such checkpoint completes. */
    synchronized CompletableFuture<Void> requestCheckpoint() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closedBy != null) {
            done.completeExceptionally(closedBy);
            return done;
        }
        requested.add(done);
        checkpointRequested = true;
        return done;
    }

    /** Whether someone waits for a checkpoint. */
    boolean checkpointRequested() {
        return checkpointRequested;
    }

    /** A checkpoint starts: it answers every request made so far. */
    synchronized void checkpointStarted() {
        inFlight.addAll(requested);
        requested.clear();
        checkpointRequested = false;
    }

    /** The checkpoint in flight completed. */
    synchronized void checkpointCompleted() {
        inFlight.forEach(f -> f.complete(null));
        inFlight.clear();
    }

    /** The checkpoint in flight failed, or the session running it ended. */
    synchronized void checkpointFailed(Throwable cause) {
        inFlight.forEach(f -> f.completeExceptionally(cause));
        inFlight.clear();
    }

    /** Queues a state read for the worker. */
    void submit(StateRead read) {
        Throwable closed;
        synchronized (this) {
            closed = closedBy;
            if (closed == null) {
                reads.add(read);
                return;
            }
        }
        read.result().completeExceptionally(closed);
    }

    /** The next queued state read, or {@code null}. */
    StateRead nextRead() {
        return reads.poll();
    }

    /** The worker stopped: every waiting request fails with {@code cause}, and so will later ones. */
    synchronized void close(Throwable cause) {
        closedBy = cause;
        checkpointStarted();
        checkpointFailed(cause);
        for (StateRead read; (read = reads.poll()) != null; ) {
            read.result().completeExceptionally(cause);
        }
    }
}
