package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TaskBalancerScaleOutTest {

    private static Map<TaskId, String> ownersOf(Map<String, List<TaskId>> assignment) {
        Map<TaskId, String> owners = new HashMap<>();
        assignment.forEach((member, tasks) -> tasks.forEach(t -> owners.put(t, member)));
        return owners;
    }

    /** Two rounds: the rebalance itself and the follow-up after the owners have revoked what moves. */
    private static Map<String, List<TaskId>> rebalance(List<TaskId> tasks, List<String> members,
                                                       Map<TaskId, String> owners, Map<String, Set<TaskId>> localState) {
        Map<String, List<TaskId>> first = TaskBalancer.assign(tasks, members, owners, localState);
        return TaskBalancer.assign(tasks, members, ownersOf(first), localState);
    }

    private static List<TaskId> stage0(int partitions) {
        return java.util.stream.IntStream.range(0, partitions).mapToObj(p -> new TaskId(0, p)).toList();
    }

    @Test
    void aMemberJoiningTwoOwnersOfFourTasksGetsItsShare() {
        List<TaskId> tasks = stage0(4);
        Map<TaskId, String> owners = Map.of(new TaskId(0, 0), "a", new TaskId(0, 2), "a",
                new TaskId(0, 1), "b", new TaskId(0, 3), "b");

        Map<String, List<TaskId>> after = rebalance(tasks, List.of("a", "b", "c"), owners, Map.of());

        assertThat(after.get("c")).as("the new instance must get work: %s", after).hasSize(1);
    }

    @Test
    void scalingOutOneInstanceAtATimeKeepsEveryMemberWithinOneTaskOfTheOthers() {
        for (int partitions = 1; partitions <= 12; partitions++) {
            List<TaskId> tasks = stage0(partitions);
            Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, List.of("m0"), Map.of(), Map.of());
            for (int size = 2; size <= 6; size++) {
                List<String> members = java.util.stream.IntStream.range(0, size).mapToObj(i -> "m" + i).toList();
                assignment = rebalance(tasks, members, ownersOf(assignment), Map.of());
                int max = assignment.values().stream().mapToInt(List::size).max().orElseThrow();
                int min = assignment.values().stream().mapToInt(List::size).min().orElseThrow();
                assertThat(max - min).as("%d partitions on %d members: %s", partitions, size, assignment)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void anOwnerGivingUpATaskIsNotHandedAnotherTaskOfTheSameStageInTheSameRound() {
        List<TaskId> tasks = List.of(new TaskId(0, 0), new TaskId(1, 0), new TaskId(1, 1),
                new TaskId(2, 0), new TaskId(2, 1), new TaskId(2, 2));
        Map<TaskId, String> owners = Map.of(new TaskId(0, 0), "c", new TaskId(1, 0), "c", new TaskId(2, 0), "c");

        Map<String, List<TaskId>> first = TaskBalancer.assign(tasks, List.of("a", "b", "c"), owners, Map.of());
        Map<String, List<TaskId>> second = TaskBalancer.assign(tasks, List.of("a", "b", "c"), ownersOf(first), Map.of());

        assertThat(first.get("c")).as("c is asked to give up 2_0, so it must not receive 2_2: %s", first)
                .doesNotContain(new TaskId(2, 2));
        assertThat(second.values()).as("6 tasks on 3 members: %s", second).allSatisfy(ts -> assertThat(ts).hasSize(2));
    }

    @Test
    void anOwnerOverItsQuotaReleasesTheTasksTheJoiningMemberHasLocalStateFor() {
        // member b restarted: meanwhile a took over all four tasks; b still has state for 0_1 and 0_3 on disk
        List<TaskId> tasks = stage0(4);
        Map<TaskId, String> owners = new HashMap<>();
        tasks.forEach(t -> owners.put(t, "a"));
        Map<String, Set<TaskId>> localState = Map.of("a", Set.copyOf(tasks), "b", Set.of(new TaskId(0, 1), new TaskId(0, 3)));

        Map<String, List<TaskId>> after = rebalance(tasks, List.of("a", "b"), owners, localState);

        assertThat(after.get("b")).containsExactly(new TaskId(0, 1), new TaskId(0, 3));
    }

    @Test
    void unownedTasksWithoutLocalStateDoNotTakeTheSlotsOfTasksWithIt() {
        List<TaskId> tasks = stage0(4);
        Map<String, Set<TaskId>> localState = Map.of("a", Set.of(new TaskId(0, 2), new TaskId(0, 3)));

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, List.of("a", "b"), Map.of(), localState);

        assertThat(assignment.get("a")).containsExactly(new TaskId(0, 2), new TaskId(0, 3));
    }
}
