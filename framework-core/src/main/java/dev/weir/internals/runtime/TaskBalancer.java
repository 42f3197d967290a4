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
 *
 * <p>Per stage of {@code n} tasks over {@code M} members every member gets {@code n / M} tasks, and
 * {@code n % M} of them one more: those with the fewest tasks of earlier stages, so that totals
 * stay within one of each other too.
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
        Map<String, Integer> totals = new HashMap<>();
        members.forEach(m -> totals.put(m, 0));

        for (List<TaskId> stageTasks : byStage.values()) {
            // Capacities: n / M each, one more for the n % M members with the fewest tasks so far,
            // then those with local state for more of the stage's tasks. They depend on nothing the
            // withholding round changes, so the follow-up rebalance computes the same ones.
            int base = stageTasks.size() / members.size();
            int extra = stageTasks.size() % members.size();
            Map<String, Long> hinted = new HashMap<>();
            members.forEach(m -> hinted.put(m,
                    stageTasks.stream().filter(localState.getOrDefault(m, Set.of())::contains).count()));
            Map<String, Integer> capacity = new HashMap<>();
            members.stream()
                    .sorted(Comparator.<String>comparingInt(totals::get)
                            .thenComparing(Comparator.<String>comparingLong(hinted::get).reversed())
                            .thenComparing(Comparator.naturalOrder()))
                    .forEachOrdered(m -> capacity.put(m, base + (capacity.size() < extra ? 1 : 0)));

            Map<String, Integer> stageCounts = new HashMap<>();
            members.forEach(m -> stageCounts.put(m, 0));
            Map<TaskId, String> placed = new HashMap<>();
            // 1. owners keep their tasks up to capacity, first those no other member has state for
            List<TaskId> stickyOrder = new ArrayList<>(stageTasks);
            stickyOrder.sort(Comparator.comparing((TaskId t) -> hintedElsewhere(t, owners.get(t), members, localState)));
            for (TaskId task : stickyOrder) {
                String owner = owners.get(task);
                if (owner != null && result.containsKey(owner) && stageCounts.get(owner) < capacity.get(owner)) {
                    place(task, owner, placed, stageCounts, totals);
                }
            }
            Comparator<String> mostRoom = Comparator.<String>comparingInt(m -> stageCounts.get(m) - capacity.get(m))
                    .thenComparingInt(totals::get).thenComparing(Comparator.naturalOrder());
            // 2. tasks with local state on a member with room go there
            for (TaskId task : stageTasks) {
                if (!placed.containsKey(task)) {
                    members.stream()
                            .filter(m -> localState.getOrDefault(m, Set.of()).contains(task))
                            .filter(m -> stageCounts.get(m) < capacity.get(m))
                            .min(mostRoom)
                            .ifPresent(m -> place(task, m, placed, stageCounts, totals));
                }
            }
            // 3. the rest to the members with the most room; capacities add up to the task count
            for (TaskId task : stageTasks) {
                if (!placed.containsKey(task)) {
                    place(task, members.stream().min(mostRoom).orElseThrow(), placed, stageCounts, totals);
                }
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

    private static boolean hintedElsewhere(TaskId task, String owner, List<String> members,
                                           Map<String, Set<TaskId>> localState) {
        return members.stream().anyMatch(m -> !m.equals(owner) && localState.getOrDefault(m, Set.of()).contains(task));
    }

    private static void place(TaskId task, String member, Map<TaskId, String> placed,
                              Map<String, Integer> stageCounts, Map<String, Integer> totals) {
        placed.put(task, member);
        stageCounts.merge(member, 1, Integer::sum);
        totals.merge(member, 1, Integer::sum);
    }
}
