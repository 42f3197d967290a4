package dev.weir.internals.runtime;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Notices when the group's last assignment has left tasks without an owner for longer than a
 * member's session, so that the worker asks for another rebalance. A task moving between members
 * is withheld for one round, until its old owner has revoked it and rejoined; if that owner died
 * in between and came back as the same static member, the group hands it its cached assignment
 * and nobody would ever ask again: the task would wait forever.
 */
final class OrphanedTaskWatch {

    private final Supplier<Set<TaskId>> allTasks;
    private final Supplier<ClusterView.Generation> latest;
    private final long graceMillis;
    private int reportedGeneration = -1;

    /**
     * @param allTasks every task of the topology
     * @param latest the newest assignment this member knows
     * @param graceMillis how long tasks may stay without an owner: a member's session timeout
     */
    OrphanedTaskWatch(Supplier<Set<TaskId>> allTasks, Supplier<ClusterView.Generation> latest, long graceMillis) {
        this.allTasks = allTasks;
        this.latest = latest;
        this.graceMillis = graceMillis;
    }

    /**
     * The tasks the newest assignment left without owner for longer than the grace, once per
     * generation; empty if there are none, or they were reported for this generation already.
     */
    Optional<Set<TaskId>> orphans(long nowMillis) {
        ClusterView.Generation generation = latest.get();
        if (generation.generation() < 0 || generation.generation() == reportedGeneration
                || nowMillis - generation.receivedAtMillis() < graceMillis) {
            return Optional.empty();
        }
        Set<TaskId> orphans = new TreeSet<>(allTasks.get());
        orphans.removeAll(generation.ownedTasks());
        if (orphans.isEmpty()) {
            return Optional.empty();
        }
        reportedGeneration = generation.generation();
        return Optional.of(orphans);
    }
}
