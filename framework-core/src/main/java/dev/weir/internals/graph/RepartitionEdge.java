package dev.weir.internals.graph;

/**
 * The cut a repartitioning {@code keyBy} makes: the upstream stage writes keyed records to
 * {@link #topic()}, the downstream stage reads them into input {@link #inputIndex()} of the
 * keyed operator {@link #consumer()}.
 */
public record RepartitionEdge(KeyByTransformation keyBy, Transformation consumer, int inputIndex, String topic) {

    /** {@code <app>-<consumer uid>-repartition}, with the input number appended for a two-input operator. */
    static String topicName(String applicationId, Transformation consumer, int inputIndex) {
        String suffix = consumer.inputs().size() > 1 ? "-" + (inputIndex + 1) : "";
        return applicationId + "-" + consumer.uid() + "-repartition" + suffix;
    }
}
