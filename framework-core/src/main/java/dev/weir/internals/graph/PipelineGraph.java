package dev.weir.internals.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validated logical graph of a pipeline: every node in creation order (inputs before the
 * nodes that read them).
 */
public final class PipelineGraph {

    private final List<Transformation> nodes;

    /** Validates the nodes; a mistake in the pipeline fails here with a message naming the node. */
    public PipelineGraph(List<Transformation> nodes) {
        this.nodes = List.copyOf(nodes);
        validate();
    }

    public List<Transformation> nodes() {
        return nodes;
    }

    /** The nodes that read {@code node}'s output. */
    public List<Transformation> consumersOf(Transformation node) {
        return nodes.stream().filter(n -> n.inputs().contains(node)).collect(Collectors.toList());
    }

    private void validate() {
        if (nodes.stream().noneMatch(SinkTransformation.class::isInstance)) {
            throw new IllegalStateException("the pipeline has no sink: end at least one stream in sinkTo(...)");
        }
        Map<String, Transformation> byUid = new HashMap<>();
        for (Transformation node : nodes) {
            if (node.isStateful() && !node.hasUserUid()) {
                throw new IllegalStateException("operator " + node + " keeps state and needs a stable uid: "
                        + "call .uid(\"...\") on the stream it returns");
            }
            if (node instanceof SinkTransformation || node instanceof KeyByTransformation) {
                continue;
            }
            Transformation previous = byUid.putIfAbsent(node.uid(), node);
            if (previous != null) {
                throw new IllegalStateException("uid '" + node.uid() + "' is used by both " + previous
                        + " and " + node + "; uids must be unique in a pipeline");
            }
        }
    }

    @Override
    public String toString() {
        return nodes.stream()
                .map(n -> n + (n.inputs().isEmpty() ? "" : " <- " + n.inputs()))
                .collect(Collectors.joining("\n"));
    }
}
