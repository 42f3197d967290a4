package dev.weir.internals.graph;

import java.util.List;

import dev.weir.functions.KeySelector;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares the key of a stream. With {@code repartition} the stream is shuffled through an
 * internal topic so that each key reaches the task owning its key group; without it, the
 * user asserts that records already sit in the partition their key belongs to (the source
 * topic is keyed by its producer with the same serialized key), and the engine checks it.
 */
public final class KeyByTransformation extends Transformation {

    private final KeySelector<?, ?> keySelector;
    private final Serde<?> keySerde;
    private final Serde<?> valueSerde;
    private final boolean repartition;

    public KeyByTransformation(int id, Transformation input, KeySelector<?, ?> keySelector,
                               Serde<?> keySerde, Serde<?> valueSerde, boolean repartition) {
        super(id, List.of(input));
        this.keySelector = keySelector;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
        this.repartition = repartition;
    }

    public KeySelector<?, ?> keySelector() {
        return keySelector;
    }

    public Serde<?> keySerde() {
        return keySerde;
    }

    /** The serde of elements written to the repartition topic; {@code null} without repartition. */
    public Serde<?> valueSerde() {
        return valueSerde;
    }

    public boolean repartition() {
        return repartition;
    }

    @Override
    protected String kind() {
        return "key-by";
    }
}
