package dev.weir.internals.windowing;

import dev.weir.internals.operators.TaskContext;
import dev.weir.kafka.KafkaSink;

/**
 * What a windowed stream does with late elements: the user's side-output sink, dropping them
 * (only when asked), or by default the application's late-data topic.
 *
 * @param <T> the element type
 */
public final class LateDataPolicy<T> {

    private final KafkaSink<T> sink;
    private final boolean drop;

    private LateDataPolicy(KafkaSink<T> sink, boolean drop) {
        this.sink = sink;
        this.drop = drop;
    }

    /** Late elements go to the application's late-data topic as the records they came from. */
    public static <T> LateDataPolicy<T> lateDataTopic() {
        return new LateDataPolicy<>(null, false);
    }

    /** Late elements go to {@code sink}. */
    public static <T> LateDataPolicy<T> sideOutput(KafkaSink<T> sink) {
        return new LateDataPolicy<>(sink, false);
    }

    /** Late elements are dropped. */
    public static <T> LateDataPolicy<T> drop() {
        return new LateDataPolicy<>(null, true);
    }

    /** Whether the policy writes to the application's late-data topic. */
    public boolean usesLateDataTopic() {
        return sink == null && !drop;
    }

    /** Where an operator in {@code task} puts its late elements. */
    public LateElements<T> create(String operatorUid, String lateDataTopic, TaskContext task) {
        if (drop) {
            return LateElements.dropped();
        }
        return sink != null ? LateElements.toSink(operatorUid, sink, task)
                : LateElements.toLateDataTopic(operatorUid, lateDataTopic, task);
    }
}
