package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskBalancerTest {

    private static List<TaskId> tasks(int... partitionsPerStage) {
        List<TaskId> tasks = new ArrayList<>();
        for (int stage = 0; stage < partitionsPerStage.length; stage++) {
            for (int p = 0; p < partitionsPerStage[stage]; p++) {
                tasks.add(new TaskId(stage, p));
            }
        }
        return tasks;
    }

    private static List<String> members(int count) {
        return IntStream.range(0, count).mapToObj(i -> "member-" + (char) ('a' + i)).collect(Collectors.toList());
    }

    private static Map<TaskId, String> ownersOf(Map<String, List<TaskId>> assignment) {
        Map<TaskId, String> owners = new HashMap<>();
        assignment.forEach((member, tasks) -> tasks.forEach(t -> owners.put(t, member)));
        return owners;
    }

    private static List<TaskId> allAssigned(Map<String, List<TaskId>> assignment) {
        return assignment.values().stream().flatMap(List::stream).collect(Collectors.toList());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Each member's count, for the tasks of one stage or (stage -1) of all stages. */
    private static List<Integer> counts(Map<String, List<TaskId>> assignment, int stage) {
        return assignment.values().stream()
                .map(ts -> (int) ts.stream().filter(t -> stage < 0 || t.stage() == stage).count())
                .collect(Collectors.toList());
    }

    private static void assertExactlyOnce(Map<String, List<TaskId>> assignment, List<TaskId> tasks) {
        assertThat(allAssigned(assignment)).containsExactlyInAnyOrderElementsOf(tasks);
    }

    private static void assertEven(Map<String, List<TaskId>> assignment, int... partitionsPerStage) {
        for (int stage = 0; stage < partitionsPerStage.length; stage++) {
            List<Integer> perStage = counts(assignment, stage);
            assertThat(Collections.max(perStage) - Collections.min(perStage)).as("stage %d counts %s", stage, perStage)
                    .isLessThanOrEqualTo(1);
        }
        List<Integer> total = counts(assignment, -1);
        assertThat(Collections.max(total) - Collections.min(total)).as("total counts %s", total).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "stages {0}, {1} members")
    @CsvSource({
            "'1', 1",
            "'1', 3",
            "'4', 2",
            "'6', 4",
            "'12', 5",
            "'32', 7",
            "'4,4', 2",
            "'4,4', 3",
            "'3,1', 2",
            "'1,1,1', 2",
            "'6,2,4', 4",
            "'8,8,8', 5",
            "'2,2', 8"})
    void everyTaskIsAssignedOnceAndEvenlyPerStageAndInTotalWhenNoOneOwnsTasks(String stageSizes, int memberCount) {
        int[] sizes = java.util.Arrays.stream(stageSizes.split(",")).mapToInt(Integer::parseInt).toArray();
        List<TaskId> tasks = tasks(sizes);

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(memberCount), Map.of(), Map.of());

        assertThat(assignment).containsOnlyKeys(members(memberCount));
        assertExactlyOnce(assignment, tasks);
        assertEven(assignment, sizes);
    }

    @Test
    void everyTaskIsAssignedOnceAndEvenlyForRandomShapesWithoutOwners() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int[] sizes = IntStream.range(0, 1 + random.nextInt(4)).map(i -> 1 + random.nextInt(16)).toArray();
            List<String> members = members(1 + random.nextInt(8));
            List<TaskId> tasks = tasks(sizes);

            Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members, Map.of(), Map.of());

            assertExactlyOnce(assignment, tasks);
            assertEven(assignment, sizes);
        }
    }

    @Test
    void eachMembersTasksAreSorted() {
        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks(5, 5), members(2), Map.of(), Map.of());

        assignment.values().forEach(list -> assertThat(list).isSorted());
    }

    @Test
    void noMembersMeansNoAssignment() {
        assertThat(TaskBalancer.assign(tasks(4), List.of(), Map.of(), Map.of())).isEmpty();
    }

    @Test
    void noTasksGivesEveryMemberAnEmptyList() {
        Map<String, List<TaskId>> assignment = TaskBalancer.assign(List.of(), members(3), Map.of(), Map.of());

        assertThat(assignment).containsOnlyKeys(members(3)).allSatisfy((m, ts) -> assertThat(ts).isEmpty());
    }

    @Test
    void aBalancedAssignmentIsKeptAsItIs() {
        List<TaskId> tasks = tasks(6, 4);
        List<String> members = members(3);
        Map<TaskId, String> owners = new HashMap<>();
        // deliberately not the order the balancer would pick from scratch
        owners.put(new TaskId(0, 0), "member-c");
        owners.put(new TaskId(0, 1), "member-b");
        owners.put(new TaskId(0, 2), "member-a");
        owners.put(new TaskId(0, 3), "member-c");
        owners.put(new TaskId(0, 4), "member-b");
        owners.put(new TaskId(0, 5), "member-a");
        owners.put(new TaskId(1, 0), "member-a");
        owners.put(new TaskId(1, 1), "member-b");
        owners.put(new TaskId(1, 2), "member-c");
        owners.put(new TaskId(1, 3), "member-a");

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members, owners, Map.of());

        assertThat(ownersOf(assignment)).isEqualTo(owners);
    }

    @Test
    void reassigningTheResultChangesNothing() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            List<TaskId> tasks = tasks(1 + random.nextInt(12), 1 + random.nextInt(12));
            List<String> members = members(1 + random.nextInt(6));
            Map<String, List<TaskId>> first = TaskBalancer.assign(tasks, members, Map.of(), Map.of());

            Map<String, List<TaskId>> second = TaskBalancer.assign(tasks, members, ownersOf(first), Map.of());

            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void ownersKeepTheirTasksUpToTheirQuotaWhenAMemberJoins() {
        List<TaskId> tasks = tasks(6);
        Map<TaskId, String> owners = new HashMap<>();
        tasks.forEach(t -> owners.put(t, "member-a"));

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(2), owners, Map.of());

        assertThat(assignment.get("member-a")).hasSize(3).allMatch(t -> owners.get(t).equals("member-a"));
    }

    @Test
    void aTaskMovingAwayFromALiveOwnerIsWithheldForOneRoundThenGivenToTheNewMember() {
        List<TaskId> tasks = tasks(6);
        Map<TaskId, String> owners = new HashMap<>();
        tasks.forEach(t -> owners.put(t, "member-a"));

        Map<String, List<TaskId>> first = TaskBalancer.assign(tasks, members(2), owners, Map.of());

        assertThat(first.get("member-a")).hasSize(3);
        assertThat(first.get("member-b")).as("a live owner must revoke before another member gets the task").isEmpty();
        List<TaskId> withheld = new ArrayList<>(tasks);
        withheld.removeAll(allAssigned(first));
        assertThat(withheld).hasSize(3);

        // the follow-up rebalance: member-a has revoked the withheld tasks and no longer owns them
        Map<String, List<TaskId>> second = TaskBalancer.assign(tasks, members(2), ownersOf(first), Map.of());

        assertThat(second.get("member-a")).isEqualTo(first.get("member-a"));
        assertThat(second.get("member-b")).containsExactlyElementsOf(withheld);
        assertExactlyOnce(second, tasks);
    }

    @Test
    void aLiveOwnersTaskIsNeverGivenToAnotherMemberInTheSameRoundAndTheFollowUpRoundCompletesTheAssignmentWithinStageQuotas() {
        Random random = new Random(2024);
        for (int round = 0; round < 1_000; round++) {
            int[] sizes = IntStream.range(0, 1 + random.nextInt(3)).map(i -> 1 + random.nextInt(12)).toArray();
            List<TaskId> tasks = tasks(sizes);
            List<String> everyone = members(6);
            List<String> members = new ArrayList<>(everyone.subList(0, 1 + random.nextInt(5)));
            Map<TaskId, String> owners = new HashMap<>();
            for (TaskId task : tasks) {
                if (random.nextInt(4) > 0) {
                    // owners may include members that have left the group (not in members)
                    owners.put(task, everyone.get(random.nextInt(everyone.size())));
                }
            }

            Map<String, List<TaskId>> first = TaskBalancer.assign(tasks, members, owners, Map.of());

            assertThat(allAssigned(first)).doesNotHaveDuplicates();
            first.forEach((member, assigned) -> assigned.forEach(task -> {
                String owner = owners.get(task);
                assertThat(owner == null || !members.contains(owner) || owner.equals(member))
                        .as("%s owned by live %s must not go to %s", task, owner, member).isTrue();
            }));
            for (TaskId task : tasks) {
                if (!allAssigned(first).contains(task)) {
                    assertThat(members).as("withheld %s must have a live owner", task).contains(owners.get(task));
                }
            }

            Map<String, List<TaskId>> second = TaskBalancer.assign(tasks, members, ownersOf(first), Map.of());

            assertExactlyOnce(second, tasks);
            for (String member : members) {
                assertThat(second.get(member)).as("a member keeps what it was given").containsAll(first.get(member));
            }
            for (int stage = 0; stage < sizes.length; stage++) {
                assertThat(Collections.max(counts(second, stage))).as("stage %d", stage)
                        .isLessThanOrEqualTo(ceilDiv(sizes[stage], members.size()));
            }
        }
    }

    @Test
    void ownersThatLeftTheGroupDoNotBlockTheirTasks() {
        List<TaskId> tasks = tasks(4);
        Map<TaskId, String> owners = new HashMap<>();
        tasks.forEach(t -> owners.put(t, "member-gone"));

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(2), owners, Map.of());

        assertExactlyOnce(assignment, tasks);
        assertEven(assignment, 4);
    }

    @Test
    void aMemberThatLeftHasItsTasksSpreadOverTheOthersWhileTheyKeepTheirs() {
        List<TaskId> tasks = tasks(6);
        Map<String, List<TaskId>> before = TaskBalancer.assign(tasks, members(3), Map.of(), Map.of());
        List<String> remaining = List.of("member-a", "member-b");

        Map<String, List<TaskId>> after = TaskBalancer.assign(tasks, remaining, ownersOf(before), Map.of());

        assertExactlyOnce(after, tasks);
        assertThat(after.get("member-a")).containsAll(before.get("member-a")).hasSize(3);
        assertThat(after.get("member-b")).containsAll(before.get("member-b")).hasSize(3);
    }

    @Test
    void unownedTasksGoToTheMemberWithTheirLocalState() {
        List<TaskId> tasks = tasks(4);
        Map<String, Set<TaskId>> localState = Map.of("member-b", Set.of(new TaskId(0, 0), new TaskId(0, 1)));

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(2), Map.of(), localState);

        assertThat(assignment.get("member-b")).containsExactly(new TaskId(0, 0), new TaskId(0, 1));
        assertThat(assignment.get("member-a")).containsExactly(new TaskId(0, 2), new TaskId(0, 3));
    }

    @Test
    void localStateOnTwoMembersSendsEachTaskToItsOwnMemberAfterAFullRestart() {
        List<TaskId> tasks = tasks(3, 3);
        Map<String, Set<TaskId>> localState = Map.of(
                "member-a", Set.of(new TaskId(0, 2), new TaskId(1, 0), new TaskId(1, 1)),
                "member-b", Set.of(new TaskId(0, 0), new TaskId(0, 1), new TaskId(1, 2)));

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(2), Map.of(), localState);

        assertThat(assignment.get("member-a")).containsExactlyInAnyOrderElementsOf(localState.get("member-a"));
        assertThat(assignment.get("member-b")).containsExactlyInAnyOrderElementsOf(localState.get("member-b"));
    }

    @Test
    void balanceWinsOverLocalStateWhenOneMemberHasStateForEverything() {
        List<TaskId> tasks = tasks(4);
        Map<String, Set<TaskId>> localState = Map.of("member-a", new HashSet<>(tasks));

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(2), Map.of(), localState);

        assertThat(assignment.get("member-a")).hasSize(2);
        assertThat(assignment.get("member-b")).hasSize(2);
    }

    @Test
    void theCurrentOwnerWinsOverAnotherMemberWithLocalState() {
        List<TaskId> tasks = tasks(2);
        Map<TaskId, String> owners = Map.of(new TaskId(0, 0), "member-a", new TaskId(0, 1), "member-b");
        Map<String, Set<TaskId>> localState = Map.of("member-a", Set.of(new TaskId(0, 1)),
                "member-b", Set.of(new TaskId(0, 0)));

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(2), owners, localState);

        assertThat(ownersOf(assignment)).isEqualTo(owners);
    }

    @Test
    void stagesAreBalancedSeparatelySoEachMemberGetsWorkOfEveryStage() {
        List<TaskId> tasks = tasks(4, 4);

        Map<String, List<TaskId>> assignment = TaskBalancer.assign(tasks, members(2), Map.of(), Map.of());

        assignment.values().forEach(list -> {
            assertThat(list).filteredOn(t -> t.stage() == 0).hasSize(2);
            assertThat(list).filteredOn(t -> t.stage() == 1).hasSize(2);
        });
    }
}
