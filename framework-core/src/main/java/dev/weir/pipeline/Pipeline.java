package dev.weir.pipeline;

import java.util.List;

import dev.weir.internals.graph.PipelineGraph;
import dev.weir.internals.graph.Transformation;

/**
 * A validated, immutable description of what to process: sources, operators, sinks. Run it
 * with {@link dev.weir.runtime.WeirRuntime}; the same pipeline runs on every instance of an
 * application.
 */
public final class Pipeline {

    private final PipelineGraph graph;

    Pipeline(List<Transformation> transformations) {
        this.graph = new PipelineGraph(transformations);
    }

    /** The logical graph, for the runtime. Not part of the supported API. */
    public PipelineGraph graph() {
        return graph;
    }

    /** A readable listing of the operators and their inputs. */
    public String describe() {
        return graph.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
