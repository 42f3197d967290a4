package dev.weir.internals.runtime;

import java.util.Set;

import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker thread: runs {@link WorkerSession}s one after another. A session that loses its
 * tasks to a newer group generation is replaced at once; a failed checkpoint is replaced at once
 * until more than {@code weir.checkpoint.tolerable-failures} fail in a row; any other failure is
 * handed to the restart strategy.
 */
final class StreamWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamWorker.class);

    /** Where a worker stands. */
    enum Status { STARTING, RUNNING, STOPPED, FAILED }

    private final WorkerEnvironment env;
    private final int index;
    private final RestartTracker restarts;
    private final Object stopSignal = new Object();
    private volatile boolean stopRequested;
    private volatile Status status = Status.STARTING;
    private volatile Throwable failure;
    private volatile WorkerSession session;
    private volatile long lastCheckpointMillis;
    private int consecutiveCheckpointFailures;

    StreamWorker(WorkerEnvironment env, int index) {
        this.env = env;
        this.index = index;
        this.restarts = new RestartTracker(env.config().restartStrategy());
    }

    @Override
    public void run() {
        while (!stopRequested) {
            RuntimeException sessionFailure = null;
            WorkerSession current = null;
            try {
                current = new WorkerSession(env, index, checkpoints);
                session = current;
                status = Status.RUNNING;
                current.run(() -> stopRequested);
                current.closeCleanly();
            } catch (RuntimeException e) {
                sessionFailure = e;
            } finally {
                session = null;
                if (current != null) {
                    current.close();
                }
            }
            if (sessionFailure == null || (stopRequested && sessionFailure instanceof InterruptException)) {
                break;
            }
            if (!continueAfter(sessionFailure)) {
                return;
            }
        }
        status = Status.STOPPED;
        LOG.info("Worker {} stopped", index);
    }

    private boolean continueAfter(RuntimeException e) {
        if (e instanceof OwnershipLostException) {
            LOG.warn("Worker {}: {}; rejoining the group", index, e.getMessage());
            return true;
        }
        if (e instanceof CheckpointFailedException && consecutiveCheckpointFailures
                < env.config().tolerableCheckpointFailures()) {
            consecutiveCheckpointFailures++;
            LOG.warn("Worker {}: checkpoint failed ({} in a row, {} tolerated); back to the last checkpoint",
                    index, consecutiveCheckpointFailures, env.config().tolerableCheckpointFailures(), e);
            return true;
        }
        if (!restarts.allowRestart(System.currentTimeMillis())) {
            failure = e;
            status = Status.FAILED;
            LOG.error("Worker {} failed and the restart strategy {} allows no more restarts", index,
                    env.config().restartStrategy(), e);
            return false;
        }
        LOG.error("Worker {} failed; restarting in {} ms under {}", index, restarts.delayMillis(),
                env.config().restartStrategy(), e);
        synchronized (stopSignal) {
            long until = System.currentTimeMillis() + restarts.delayMillis();
            while (!stopRequested && System.currentTimeMillis() < until) {
                try {
                    stopSignal.wait(Math.max(1, until - System.currentTimeMillis()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private final WorkerSession.CheckpointListener checkpoints = new WorkerSession.CheckpointListener() {
        @Override
        public void onCheckpointCompleted(long durationMillis) {
            consecutiveCheckpointFailures = 0;
            lastCheckpointMillis = System.currentTimeMillis();
        }

        @Override
        public void onCheckpointFailed(Exception cause) {
            if (++consecutiveCheckpointFailures > env.config().tolerableCheckpointFailures()) {
                throw new CheckpointFailedException(consecutiveCheckpointFailures
                        + " checkpoints in a row failed, more than weir.checkpoint.tolerable-failures="
                        + env.config().tolerableCheckpointFailures(), cause);
            }
        }
    };

    /** Asks the worker to take a last checkpoint and stop. */
    void requestStop() {
        stopRequested = true;
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
    }

    Status status() {
        return status;
    }

    Throwable failure() {
        return failure;
    }

    long lastCheckpointMillis() {
        return lastCheckpointMillis;
    }

    /** The tasks of the running session; read from another thread, so only a hint. */
    Set<TaskId> ownedTasks() {
        WorkerSession current = session;
        return current == null ? Set.of() : current.ownedTasks();
    }
}
