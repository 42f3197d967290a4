package dev.weir.functions;

/**
 * Receives each pair an interval join matched: two elements of one key whose timestamps lie
 * within the join's bounds of each other.
 *
 * <p>One instance serves every key and task: keep no per-key data in fields.
 *
 * @param <IN1> the left input's element type
 * @param <IN2> the right input's element type
 * @param <OUT> the output type
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> {

    /** Processes one matched pair; what is emitted carries the later of the two timestamps. */
    public abstract void processElement(IN1 left, IN2 right, Context context, Collector<OUT> out) throws Exception;

    /** What the function sees of a matched pair. */
    public interface Context {

        /** The left element's timestamp. */
        long leftTimestamp();

        /** The right element's timestamp. */
        long rightTimestamp();

        /** The later of the two timestamps: the timestamp of what is emitted. */
        long timestamp();
    }
}
