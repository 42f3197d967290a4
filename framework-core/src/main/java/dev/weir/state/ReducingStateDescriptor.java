package dev.weir.state;

import dev.weir.functions.ReduceFunction;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares a {@link ReducingState}.
 *
 * @param <T> the value type
 */
public final class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {

    private final ReduceFunction<T> reduceFunction;
    private final Serde<T> serde;

    /** A reducing state named {@code name} that folds values with {@code reduceFunction}. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Serde<T> serde) {
        super(name);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
        this.serde = Objects.requireNonNull(serde, "serde");
    }

    /** The function that folds added values into the stored one. */
    public ReduceFunction<T> reduceFunction() {
        return reduceFunction;
    }

    /** The serde of the values. */
    public Serde<T> serde() {
        return serde;
    }
}
