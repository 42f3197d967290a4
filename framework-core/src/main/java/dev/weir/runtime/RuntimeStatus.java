package dev.weir.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one instance is doing: its workers, their tasks and checkpoints. A snapshot, taken when
 * asked for; each worker's part is as of its last checkpoint.
 *
 * @param state the runtime's life-cycle state
 * @param applicationId {@code weir.application-id}
 * @param instanceId this instance's id
 * @param advertisedEndpoint where this instance answers state queries, if it advertises one
 * @param workers the worker threads
 * @param deadLetteredRecords records this instance sent to the dead-letter topic
 */
public record RuntimeStatus(WeirRuntime.State state, String applicationId, String instanceId,
                            Optional<String> advertisedEndpoint, List<WorkerStatus> workers,
                            long deadLetteredRecords) {

    /** Every task of every worker. */
    public List<TaskStatus> tasks() {
        List<TaskStatus> tasks = new ArrayList<>();
        workers.forEach(w -> tasks.addAll(w.tasks()));
        return tasks;
    }

    /** The total lag of this instance's tasks. */
    public long lag() {
        return tasks().stream().mapToLong(TaskStatus::lag).sum();
    }
}
