package dev.weir.internals.runtime;

import java.util.Set;
import java.util.function.Supplier;

/**
 * What the assignor of a worker's consumer needs from the runtime: the topology, and the tasks
 * whose state this instance has on disk.
 */
public record AssignmentContext(ResolvedTopology topology, Supplier<Set<TaskId>> localTasks) {
}
