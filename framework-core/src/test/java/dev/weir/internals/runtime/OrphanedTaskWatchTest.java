package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class OrphanedTaskWatchTest {

    private static final TaskId T0 = new TaskId(0, 0);
    private static final TaskId T1 = new TaskId(0, 1);
    private static final TaskId T2 = new TaskId(0, 2);
    private static final long GRACE = 10_000;

    private final AtomicReference<ClusterView.Generation> latest =
            new AtomicReference<>(new ClusterView.Generation(-1, Set.of(), 0));
    private final OrphanedTaskWatch watch = new OrphanedTaskWatch(() -> Set.of(T0, T1, T2), latest::get, GRACE);

    @Test
    void tasksWithoutAnOwnerForLongerThanTheGraceAreReportedOncePerGeneration() {
        latest.set(new ClusterView.Generation(7, Set.of(T0), 1_000));

        assertThat(watch.orphans(1_000 + GRACE)).contains(Set.of(T1, T2));
        assertThat(watch.orphans(1_000 + 2 * GRACE)).isEmpty();

        latest.set(new ClusterView.Generation(8, Set.of(T0, T1), 30_000));
        assertThat(watch.orphans(30_000 + GRACE)).contains(Set.of(T2));
    }

    @Test
    void tasksWithheldForOneRoundAreNotReportedWithinTheGrace() {
        latest.set(new ClusterView.Generation(7, Set.of(T0), 1_000));

        assertThat(watch.orphans(1_000 + GRACE - 1)).isEmpty();

        latest.set(new ClusterView.Generation(8, Set.of(T0, T1, T2), 1_500));
        assertThat(watch.orphans(1_000 + GRACE)).isEmpty();
    }

    @Test
    void nothingIsReportedBeforeTheFirstAssignmentOrWhenEveryTaskHasAnOwner() {
        assertThat(watch.orphans(1_000_000)).isEmpty();

        latest.set(new ClusterView.Generation(3, Set.of(T0, T1, T2), 0));
        assertThat(watch.orphans(1_000_000)).isEmpty();
    }
}
