package dev.weir.internals.graph;

import java.util.List;

/**
 * A map, filter or flat-map: one input, no state, chained into the operator before it.
 */
public final class StatelessTransformation extends Transformation {

    /** Which stateless operation. */
    public enum Kind { MAP, FILTER, FLAT_MAP }

    private final Kind operation;
    private final Object function;

    public StatelessTransformation(int id, Transformation input, Kind operation, Object function) {
        super(id, List.of(input));
        this.operation = operation;
        this.function = function;
    }

    public Kind operation() {
        return operation;
    }

    /** The user function: a MapFunction, FilterFunction or FlatMapFunction per {@link #operation()}. */
    public Object function() {
        return function;
    }

    @Override
    protected String kind() {
        return operation.name().toLowerCase().replace('_', '-');
    }
}
