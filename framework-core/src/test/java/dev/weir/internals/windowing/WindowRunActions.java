package dev.weir.internals.windowing;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The random runs the window properties drive an operator through: elements of two keys around
 * the watermark, watermark advances, and restarts, mostly elements.
 */
final class WindowRunActions {

    private WindowRunActions() {
    }

    /** One step of a run: an element arrives, the watermark moves up by some amount, or the task restarts. */
    sealed interface Action permits Element, Advance, Restart {
    }

    /** An element whose timestamp is {@code relative} to the run's watermark (to the first one, before it is set). */
    record Element(String key, long relative) implements Action {
    }

    /** The watermark moves up by {@code by}. */
    record Advance(long by) implements Action {
    }

    /** A checkpoint, then a restart of the task on its committed state: it must change nothing. */
    record Restart() implements Action {
    }

    /** Runs of 1 to {@code maxSteps} steps. */
    static Arbitrary<List<Action>> runs(int maxSteps) {
        Arbitrary<Action> elements = Combinators.combine(Arbitraries.of("a", "b"), Arbitraries.longs().between(-40, 40))
                .as((key, relative) -> (Action) new Element(key, relative));
        Arbitrary<Action> advances = Arbitraries.longs().between(0, 40).map(by -> (Action) new Advance(by));
        return Arbitraries.frequencyOf(
                Tuple.of(12, elements), Tuple.of(4, advances), Tuple.of(1, Arbitraries.just((Action) new Restart())))
                .list().ofMinSize(1).ofMaxSize(maxSteps);
    }
}
