package dev.weir.internals.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.weir.runtime.CheckpointStatus;
import dev.weir.runtime.TaskStatus;
import dev.weir.runtime.WorkerStatus;
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

    private final WorkerEnvironment env;
    private final int index;
    private final RestartTracker restarts;
    private final WorkerMailbox mailbox = new WorkerMailbox();
    private final Object stopSignal = new Object();
    private volatile boolean stopRequested;
    private volatile WorkerStatus.Phase phase = WorkerStatus.Phase.STARTING;
    private volatile Throwable lastFailure;
    private volatile WorkerSession session;
    private volatile CheckpointStatus lastCheckpoint;
    private volatile long checkpointsCompleted;
    private volatile long checkpointsFailed;
    private volatile int consecutiveCheckpointFailures;
    private volatile int restartCount;
    private volatile long backpressuredNanosOfEndedSessions;
    /** The failure the checkpoint listener threw, already counted among the failed checkpoints. */
    private RuntimeException countedFailure;

    StreamWorker(WorkerEnvironment env, int index) {
        this.env = env;
        this.index = index;
        this.restarts = new RestartTracker(env.config().restartStrategy());
    }

    @Override
    public void run() {
        try {
            runSessions();
        } finally {
            mailbox.close(new IllegalStateException("worker " + index + " is " + phase));
        }
    }

    private void runSessions() {
        while (!stopRequested) {
            RuntimeException sessionFailure = null;
            WorkerSession current = null;
            try {
                current = new WorkerSession(env, index, checkpoints, mailbox);
                session = current;
                phase = WorkerStatus.Phase.RUNNING;
                current.run(() -> stopRequested);
                current.closeCleanly();
            } catch (RuntimeException e) {
                sessionFailure = e;
                mailbox.checkpointFailed(e);
            } finally {
                session = null;
                if (current != null) {
                    backpressuredNanosOfEndedSessions += current.backpressuredNanos();
                    current.close();
                }
            }
            if (sessionFailure == null || (stopRequested && sessionFailure instanceof InterruptException)) {
                break;
            }
            lastFailure = sessionFailure;
            if (!continueAfter(sessionFailure)) {
                return;
            }
        }
        phase = WorkerStatus.Phase.STOPPED;
        LOG.info("Worker {} stopped", index);
    }

    private boolean continueAfter(RuntimeException e) {
        if (e instanceof CheckpointFailedException && e != countedFailure) {
            checkpointsFailed++;
        }
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
            phase = WorkerStatus.Phase.FAILED;
            LOG.error("Worker {} failed and the restart strategy {} allows no more restarts", index,
                    env.config().restartStrategy(), e);
            return false;
        }
        phase = WorkerStatus.Phase.RESTARTING;
        restartCount++;
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
        phase = WorkerStatus.Phase.STARTING;
        return true;
    }

    private final WorkerSession.CheckpointListener checkpoints = new WorkerSession.CheckpointListener() {
        @Override
        public void onCheckpointStarted() {
            mailbox.checkpointStarted();
        }

        @Override
        public void onCheckpointCompleted(long durationMillis) {
            consecutiveCheckpointFailures = 0;
            long id = checkpointsCompleted + 1;
            lastCheckpoint = new CheckpointStatus(id, Instant.now(), Duration.ofMillis(durationMillis));
            checkpointsCompleted = id;
            mailbox.checkpointCompleted();
        }

        @Override
        public void onCheckpointFailed(Exception cause) {
            checkpointsFailed++;
            mailbox.checkpointFailed(cause);
            if (++consecutiveCheckpointFailures > env.config().tolerableCheckpointFailures()) {
                countedFailure = new CheckpointFailedException(consecutiveCheckpointFailures
                        + " checkpoints in a row failed, more than weir.checkpoint.tolerable-failures="
                        + env.config().tolerableCheckpointFailures(), cause);
                throw countedFailure;
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

    /** Asks for a checkpoint now; completes when one that started after this call completed. */
    CompletableFuture<Void> requestCheckpoint() {
        return mailbox.requestCheckpoint();
    }

    /** Hands a state read to the worker thread. */
    void submit(StateRead read) {
        mailbox.submit(read);
    }

    WorkerStatus.Phase phase() {
        return phase;
    }

    /** The tasks of the running session; read from another thread, so only a hint. */
    Set<TaskId> ownedTasks() {
        WorkerSession current = session;
        return current == null ? Set.of() : current.ownedTasks();
    }

    /** A snapshot of the worker, safe to take from any thread. */
    WorkerStatus status() {
        WorkerSession current = session;
        List<TaskStatus> tasks = current == null ? List.of() : current.taskStatus();
        Throwable failure = lastFailure;
        long backpressured = backpressuredNanosOfEndedSessions + (current == null ? 0 : current.backpressuredNanos());
        return new WorkerStatus(index, phase, Optional.ofNullable(failure).map(Throwable::toString), tasks,
                Optional.ofNullable(lastCheckpoint), checkpointsCompleted, checkpointsFailed,
                consecutiveCheckpointFailures, restartCount, Duration.ofNanos(backpressured));
    }
}
