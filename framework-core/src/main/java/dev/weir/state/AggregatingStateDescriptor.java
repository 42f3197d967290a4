package dev.weir.state;

import dev.weir.functions.AggregateFunction;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares an {@link AggregatingState}. Only the accumulator is stored, so only it needs a
 * serde.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
public final class AggregatingStateDescriptor<IN, ACC, OUT>
        extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final Serde<ACC> accumulatorSerde;

    /** An aggregating state named {@code name} that folds values with {@code aggregateFunction}. */
    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Serde<ACC> accumulatorSerde) {
        super(name);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
        this.accumulatorSerde = Objects.requireNonNull(accumulatorSerde, "accumulatorSerde");
    }

    /** The function that folds added values into the accumulator. */
    public AggregateFunction<IN, ACC, OUT> aggregateFunction() {
        return aggregateFunction;
    }

    /** The serde of the accumulator. */
    public Serde<ACC> accumulatorSerde() {
        return accumulatorSerde;
    }
}
