package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BarrierAlignerTest {

    @Test
    void aChannelWithTheBarrierIsBlockedUntilTheBarrierArrivesOnEveryChannel() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("orders-0", "payments-0"));

        assertThat(aligner.onBarrier("orders-0", 1)).isFalse();

        assertThat(aligner.isBlocked("orders-0")).isTrue();
        assertThat(aligner.isBlocked("payments-0")).isFalse();
        assertThat(aligner.isAligned(1)).isFalse();
        assertThat(aligner.onBarrier("payments-0", 1)).isTrue();
        assertThat(aligner.isAligned(1)).isTrue();
        assertThat(aligner.isBlocked("orders-0")).isFalse();
    }

    @Test
    void elementsOfABlockedChannelAreHeldAndReleasedInArrivalOrderAfterAlignment() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("a", "b", "c"));
        aligner.onBarrier("a", 7);
        aligner.hold("a", 1);
        aligner.hold("a", 2);
        aligner.onBarrier("c", 7);
        aligner.hold("c", 3);
        aligner.hold("a", 4);

        assertThatThrownBy(aligner::releaseHeld).isInstanceOf(IllegalStateException.class);
        aligner.onBarrier("b", 7);

        assertThat(aligner.releaseHeld()).containsExactly(
                Map.entry("a", 1), Map.entry("a", 2), Map.entry("a", 4), Map.entry("c", 3));
        assertThat(aligner.releaseHeld()).isEmpty();
    }

    @Test
    void anUnblockedChannelCannotHoldElements() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("a", "b"));

        assertThatThrownBy(() -> aligner.hold("a", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSingleChannelAlignsOnItsOwnBarrier() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("only"));

        assertThat(aligner.onBarrier("only", 3)).isTrue();
        assertThat(aligner.isAligned(3)).isTrue();
        assertThat(aligner.isAligned(4)).isFalse();
    }

    @Test
    void successiveCheckpointsAlignIndependently() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("a", "b"));
        aligner.onBarrier("b", 1);
        aligner.onBarrier("a", 1);

        aligner.onBarrier("a", 2);

        assertThat(aligner.isAligned(1)).isTrue();
        assertThat(aligner.isAligned(2)).isFalse();
        assertThat(aligner.isBlocked("a")).isTrue();
        assertThat(aligner.onBarrier("b", 2)).isTrue();
    }

    @Test
    void aNewerBarrierSupersedesAnAlignmentThatNeverCompleted() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("a", "b"));
        aligner.onBarrier("a", 1);

        assertThat(aligner.onBarrier("b", 2)).isFalse();

        assertThat(aligner.isBlocked("a")).isFalse();
        assertThat(aligner.isBlocked("b")).isTrue();
        assertThat(aligner.onBarrier("a", 2)).isTrue();
    }

    @Test
    void aBarrierOlderThanTheLastAlignedCheckpointIsRejected() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("a"));
        aligner.onBarrier("a", 5);

        assertThatThrownBy(() -> aligner.onBarrier("a", 4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBarrierOnAnUnknownChannelIsRejected() {
        BarrierAligner<String, Integer> aligner = new BarrierAligner<>(List.of("a"));

        assertThatThrownBy(() -> aligner.onBarrier("z", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
