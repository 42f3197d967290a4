package dev.weir.internals.graph;

import java.util.List;

import dev.weir.functions.KeyedCoProcessFunction;

/** A keyed co-process function over two keyed inputs with the same key. */
public final class KeyedCoProcessTransformation extends Transformation {

    private final KeyedCoProcessFunction<?, ?, ?, ?> function;

    public KeyedCoProcessTransformation(int id, KeyByTransformation first, KeyByTransformation second,
                                        KeyedCoProcessFunction<?, ?, ?, ?> function) {
        super(id, List.of(first, second));
        this.function = function;
    }

    public KeyedCoProcessFunction<?, ?, ?, ?> function() {
        return function;
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    protected String kind() {
        return "keyed-co-process";
    }
}
