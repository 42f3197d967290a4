package dev.weir.internals.graph;

import java.util.List;

/** Merges streams of one type into one stream. */
public final class UnionTransformation extends Transformation {

    public UnionTransformation(int id, List<Transformation> inputs) {
        super(id, inputs);
    }

    @Override
    protected String kind() {
        return "union";
    }
}
