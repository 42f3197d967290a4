package dev.weir.internals.graph;

import java.util.List;

/**
 * One node of the logical pipeline graph as the DSL records it. Stages, tasks and operators
 * are derived from these nodes when the pipeline is planned.
 */
public abstract class Transformation {

    private final int id;
    private final List<Transformation> inputs;
    private String uid;

    protected Transformation(int id, List<Transformation> inputs) {
        this.id = id;
        this.inputs = List.copyOf(inputs);
    }

    /** A number unique within the pipeline, in creation order. */
    public int id() {
        return id;
    }

    /** The nodes this one reads from, in input order. */
    public List<Transformation> inputs() {
        return inputs;
    }

    /** The uid the user gave, or a generated one such as {@code map-3}. */
    public String uid() {
        return uid != null ? uid : kind() + "-" + id;
    }

    /** Whether the user set a uid. */
    public boolean hasUserUid() {
        return uid != null;
    }

    /** Sets the uid. */
    public void setUid(String uid) {
        if (uid == null || uid.isBlank() || !uid.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "a uid must be non-blank and use only letters, digits, '.', '_' and '-': '" + uid + "'");
        }
        this.uid = uid;
    }

    /** Whether the node keeps keyed state or timers, so that it needs a stable uid. */
    public boolean isStateful() {
        return false;
    }

    /** Whether the node writes late elements to the application's late-data topic, which must then exist. */
    public boolean writesLateDataTopic() {
        return false;
    }

    /** A short word for the node's kind, used in generated uids and messages. */
    protected abstract String kind();

    @Override
    public String toString() {
        return kind() + "[" + uid() + "]";
    }
}
