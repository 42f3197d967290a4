package dev.weir.internals.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which instance owns each task, as the last rebalance this instance took part in decided. The
 * group leader sends the whole map with every assignment; every worker of an instance receives
 * it, and the view keeps the newest generation's.
 */
public final class ClusterView {

    /** The instance owning a task, and its endpoint for state queries (empty if it advertises none). */
    public record Owner(String instanceId, String endpoint) {
    }

    /**
     * The owned tasks of one generation, and when this instance learned them.
     *
     * @param generation the group generation, -1 before the first assignment
     * @param ownedTasks the tasks the generation's assignment gave an owner
     * @param receivedAtMillis when the assignment arrived, epoch milliseconds
     */
    record Generation(int generation, Set<TaskId> ownedTasks, long receivedAtMillis) {
    }

    private int generation = -1;
    private long receivedAtMillis;
    private Map<TaskId, Owner> owners = Map.of();

    /** Takes the owners of generation {@code generation}, unless a newer generation's are known. */
    synchronized void update(int generation, Map<String, AssignmentCodec.InstanceTasks> byInstance) {
        if (generation < this.generation) {
            return;
        }
        Map<TaskId, Owner> next = new HashMap<>();
        byInstance.forEach((instance, tasks) -> tasks.tasks().forEach(t -> next.put(t, new Owner(instance, tasks.endpoint()))));
        this.generation = generation;
        this.receivedAtMillis = System.currentTimeMillis();
        this.owners = Map.copyOf(next);
    }

    /** The newest generation known. */
    synchronized Generation latest() {
        return new Generation(generation, owners.keySet(), receivedAtMillis);
    }

    /** The owner of {@code task}, if the last assignment gave it one. */
    public synchronized Optional<Owner> ownerOf(TaskId task) {
        return Optional.ofNullable(owners.get(task));
    }
}
