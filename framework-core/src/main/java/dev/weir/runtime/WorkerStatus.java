package dev.weir.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One worker thread of an instance.
 *
 * @param index the worker's number in its instance
 * @param phase where the worker stands
 * @param failure the last failure that ended a session of the worker, if any
 * @param tasks the tasks it runs now
 * @param lastCheckpoint its last completed checkpoint, if it completed one
 * @param checkpointsCompleted checkpoints completed since the instance started
 * @param checkpointsFailed checkpoints abandoned or failed since the instance started
 * @param consecutiveCheckpointFailures failed checkpoints since the last completed one
 * @param restarts how often the restart strategy restarted the worker
 * @param backpressured how long the worker kept its partitions paused because its output was
 *     backed up (the producer's buffer nearly full), since the instance started, up to the last
 *     resume: its share of elapsed time is the worker's backpressure
 */
public record WorkerStatus(int index, Phase phase, Optional<String> failure, List<TaskStatus> tasks,
                           Optional<CheckpointStatus> lastCheckpoint, long checkpointsCompleted,
                           long checkpointsFailed, int consecutiveCheckpointFailures, int restarts,
                           Duration backpressured) {

    /** Where a worker stands. */
    public enum Phase {
        /** Joining the group, or restoring its first tasks. */
        STARTING,
        /** Processing its tasks. */
        RUNNING,
        /** Waiting out the restart strategy's delay after a failure. */
        RESTARTING,
        /** Stopped after a last checkpoint. */
        STOPPED,
        /** Failed beyond what the restart strategy allows. */
        FAILED
    }
}
