package dev.weir.internals.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts a pipeline graph into stages. Every edge chains two operators into one stage, except the
 * edge from a repartitioning {@code keyBy} to its keyed operator, which becomes a repartition
 * topic between two stages.
 */
public final class StagePlanner {

    private StagePlanner() {
    }

    /** The stages of {@code graph}, upstream stages first. */
    public static List<Stage> plan(PipelineGraph graph, String applicationId) {
        List<Transformation> nodes = graph.nodes();
        Map<Transformation, Transformation> parent = new HashMap<>();
        nodes.forEach(n -> parent.put(n, n));
        List<RepartitionEdge> cuts = new ArrayList<>();
        for (Transformation node : nodes) {
            for (int i = 0; i < node.inputs().size(); i++) {
                Transformation input = node.inputs().get(i);
                if (input instanceof KeyByTransformation && ((KeyByTransformation) input).repartition()) {
                    cuts.add(new RepartitionEdge((KeyByTransformation) input, node, i,
                            RepartitionEdge.topicName(applicationId, node, i)));
                } else {
                    union(parent, node, input);
                }
            }
        }
        Map<Transformation, List<Transformation>> components = new LinkedHashMap<>();
        for (Transformation node : nodes) {
            components.computeIfAbsent(find(parent, node), r -> new ArrayList<>()).add(node);
        }
        return order(new ArrayList<>(components.values()), cuts, parent);
    }

    /** Numbers the components so that a stage comes after every stage it reads from. */
    private static List<Stage> order(List<List<Transformation>> components, List<RepartitionEdge> cuts,
                                     Map<Transformation, Transformation> parent) {
        List<Stage> stages = new ArrayList<>();
        List<List<Transformation>> pending = new ArrayList<>(components);
        List<Transformation> placedRoots = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Transformation> next = null;
            for (List<Transformation> component : pending) {
                Transformation root = find(parent, component.get(0));
                boolean ready = cuts.stream()
                        .filter(c -> find(parent, c.consumer()) == root)
                        .allMatch(c -> placedRoots.contains(find(parent, c.keyBy())));
                if (ready) {
                    next = component;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("the pipeline's repartitions form a cycle");
            }
            pending.remove(next);
            Transformation root = find(parent, next.get(0));
            placedRoots.add(root);
            stages.add(stage(stages.size(), next, root, cuts, parent));
        }
        return stages;
    }

    private static Stage stage(int index, List<Transformation> nodes, Transformation root, List<RepartitionEdge> cuts,
                               Map<Transformation, Transformation> parent) {
        List<SourceTransformation> sources = new ArrayList<>();
        nodes.stream().filter(SourceTransformation.class::isInstance)
                .forEach(n -> sources.add((SourceTransformation) n));
        List<RepartitionEdge> inputs = new ArrayList<>();
        List<RepartitionEdge> outputs = new ArrayList<>();
        for (RepartitionEdge cut : cuts) {
            if (find(parent, cut.consumer()) == root) {
                inputs.add(cut);
            }
            if (find(parent, cut.keyBy()) == root) {
                outputs.add(cut);
            }
        }
        Optional<String> store = nodes.stream().filter(Transformation::isStateful).map(Transformation::uid).findFirst();
        return new Stage(index, List.copyOf(nodes), List.copyOf(sources), List.copyOf(inputs), List.copyOf(outputs), store);
    }

    private static Transformation find(Map<Transformation, Transformation> parent, Transformation node) {
        Transformation p = parent.get(node);
        while (p != parent.get(p)) {
            p = parent.get(p);
        }
        parent.put(node, p);
        return p;
    }

    private static void union(Map<Transformation, Transformation> parent, Transformation a, Transformation b) {
        Transformation ra = find(parent, a);
        Transformation rb = find(parent, b);
        if (ra != rb) {
            parent.put(ra, rb);
        }
    }
}
