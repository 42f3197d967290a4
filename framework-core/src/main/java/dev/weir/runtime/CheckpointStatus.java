package dev.weir.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * A checkpoint a worker completed.
 *
 * @param id the worker's count of completed checkpoints, this one included
 * @param completedAt when it committed (or found nothing to commit)
 * @param duration how long it took, from barrier to commit
 */
public record CheckpointStatus(long id, Instant completedAt, Duration duration) {
}
