package dev.weir.internals.runtime;

import java.util.Set;
import java.util.function.Supplier;

/**
 * What the assignor of a worker's consumer needs from the runtime: the topology, the tasks
 * whose state this instance has on disk, who this instance is, and the view of task owners to
 * keep up to date.
 *
 * @param instanceId this instance's id
 * @param endpoint where this instance answers state queries, empty if nowhere
 */
public record AssignmentContext(ResolvedTopology topology, Supplier<Set<TaskId>> localTasks, String instanceId,
                                String endpoint, ClusterView clusterView) {
}
