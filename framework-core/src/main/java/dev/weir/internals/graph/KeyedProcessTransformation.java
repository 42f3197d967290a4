package dev.weir.internals.graph;

import java.util.List;

import dev.weir.functions.KeyedProcessFunction;

/** A keyed process function over one keyed input. */
public final class KeyedProcessTransformation extends Transformation {

    private final KeyedProcessFunction<?, ?, ?> function;

    public KeyedProcessTransformation(int id, KeyByTransformation input, KeyedProcessFunction<?, ?, ?> function) {
        super(id, List.of(input));
        this.function = function;
    }

    public KeyedProcessFunction<?, ?, ?> function() {
        return function;
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    protected String kind() {
        return "keyed-process";
    }
}
