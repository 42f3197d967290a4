package dev.weir.internals.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Spreads tasks over group members: evenly per stage and in total, sticky to the current owner,
 * then to a member that has the task's state locally. Under cooperative rebalancing a task that
 * moves away from a live owner is withheld for one round: the owner first checkpoints and closes
 * it, then the follow-up rebalance hands it to its new member.
 */
public final class TaskBalancer {

    private TaskBalancer() {
    }

    /**
     * @param tasks every task
     * @param members the member ids
     * @param owners the member currently owning each task, where one does
     * @param localState the tasks each member has state for on its disk
     * @return the tasks each member gets now
     */
    public static Map<String, List<TaskId>> assign(List<TaskId> tasks, List<String> members,
                                                   Map<TaskId, String> owners, Map<String, Set<TaskId>> localState) {
        Map<String, List<TaskId>> result = new TreeMap<>();
        members.forEach(m -> result.put(m, new ArrayList<>()));
        if (members.isEmpty()) {
            return result;
        }
        Map<Integer, List<TaskId>> byStage = new TreeMap<>();
        tasks.stream().sorted().forEach(t -> byStage.computeIfAbsent(t.stage(), s -> new ArrayList<>()).add(t));
        int totalQuota = ceilDiv(tasks.size(), members.size());
        Map<String, Integer> totals = new HashMap<>();
        members.forEach(m -> totals.put(m, 0));

        for (List<TaskId> stageTasks : byStage.values()) {
            int stageQuota = ceilDiv(stageTasks.size(), members.size());
            Map<String, Integer> stageCounts = new HashMap<>();
            members.forEach(m -> stageCounts.put(m, 0));
            Map<TaskId, String> placed = new HashMap<>();
            for (TaskId task : stageTasks) {
                String owner = owners.get(task);
                if (owner != null && result.containsKey(owner)
                        && stageCounts.get(owner) < stageQuota && totals.get(owner) < totalQuota) {
                    place(task, owner, placed, stageCounts, totals);
                }
            }
            for (TaskId task : stageTasks) {
                if (placed.containsKey(task)) {
                    continue;
                }
                Comparator<String> leastLoaded = Comparator.<String>comparingInt(stageCounts::get)
                        .thenComparingInt(totals::get).thenComparing(Comparator.naturalOrder());
                String target = members.stream()
                        .filter(m -> localState.getOrDefault(m, Set.of()).contains(task))
                        .filter(m -> stageCounts.get(m) < stageQuota && totals.get(m) < totalQuota)
                        .min(leastLoaded)
                        .orElseGet(() -> members.stream().min(leastLoaded).orElseThrow());
                place(task, target, placed, stageCounts, totals);
            }
            placed.forEach((task, member) -> {
                String owner = owners.get(task);
                boolean ownerLeaves = owner != null && result.containsKey(owner) && !owner.equals(member);
                if (!ownerLeaves) {
                    result.get(member).add(task);
                }
            });
        }
        result.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return result;
    }

    private static void place(TaskId task, String member, Map<TaskId, String> placed,
                              Map<String, Integer> stageCounts, Map<String, Integer> totals) {
        placed.put(task, member);
        stageCounts.merge(member, 1, Integer::sum);
        totals.merge(member, 1, Integer::sum);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
