package dev.weir.internals.joining;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.weir.functions.Collector;
import dev.weir.functions.ProcessJoinFunction;
import dev.weir.functions.TimeDomain;
import dev.weir.internals.operators.KeyedInput;
import dev.weir.internals.operators.OperatorEventTime;
import dev.weir.internals.operators.OperatorException;
import dev.weir.internals.operators.Output;
import dev.weir.internals.operators.TaskContext;
import dev.weir.internals.operators.TimerTarget;
import dev.weir.internals.windowing.LateElements;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Flink's interval join in one task: each side's elements are buffered per key and timestamp,
 * every new element is matched against the other side's buffer, and a buffered element is
 * dropped once the watermark shows that no element it could match can still arrive. An element
 * at or behind the watermark is late and goes to the late-data output.
 *
 * <p>Left element {@code l} and right element {@code r} match when
 * {@code l.ts + lower <= r.ts <= l.ts + upper} (either bound exclusive if so configured).
 *
 * @param <K> the key type
 * @param <T1> the left element type
 * @param <T2> the right element type
 * @param <OUT> the output type
 */
public final class IntervalJoinOperator<K, T1, T2, OUT> implements TimerTarget {

    private static final byte[] NO_NAMESPACE = new byte[0];
    private static final byte[] LEFT_CLEANUP = {0};
    private static final byte[] RIGHT_CLEANUP = {1};

    private final String uid;
    private final long lower;
    private final long upper;
    private final ProcessJoinFunction<T1, T2, OUT> function;
    private final LateElements<T1> leftLate;
    private final LateElements<T2> rightLate;
    private final TaskContext task;
    private final MapState<Long, List<T1>> leftBuffer;
    private final MapState<Long, List<T2>> rightBuffer;
    private final OperatorEventTime eventTime;
    private final Collector<OUT> collector;
    private final PairContext context = new PairContext();

    /**
     * @param lower the lower bound, made inclusive (an exclusive bound is passed as {@code bound + 1})
     * @param upper the upper bound, made inclusive
     */
    public IntervalJoinOperator(String uid, long lower, long upper, ProcessJoinFunction<T1, T2, OUT> function,
                                Serde<T1> leftSerde, Serde<T2> rightSerde, LateElements<T1> leftLate,
                                LateElements<T2> rightLate, Output<OUT> next, TaskContext task) {
        this.uid = uid;
        this.lower = lower;
        this.upper = upper;
        this.function = function;
        this.leftLate = leftLate;
        this.rightLate = rightLate;
        this.task = task;
        this.collector = next::push;
        this.leftBuffer = task.keyedState(uid, new MapStateDescriptor<>("__left", Serdes.Long(), new ListSerde<>(leftSerde)));
        this.rightBuffer = task.keyedState(uid, new MapStateDescriptor<>("__right", Serdes.Long(), new ListSerde<>(rightSerde)));
        this.eventTime = task.eventTime(uid, this);
    }

    /** The left input. */
    public KeyedInput<T1, K> left() {
        return (key, keyBytes, keyGroup, value) -> {
            long timestamp = enter(keyBytes, keyGroup);
            if (isLate(timestamp)) {
                leftLate.late(value, timestamp, eventTime.watermark());
                return;
            }
            buffer(leftBuffer, timestamp, value);
            for (Map.Entry<Long, List<T2>> right : rightBuffer.entries()) {
                long rightTimestamp = right.getKey();
                if (rightTimestamp >= timestamp + lower && rightTimestamp <= timestamp + upper) {
                    for (T2 match : right.getValue()) {
                        emit(value, timestamp, match, rightTimestamp);
                    }
                }
            }
            task.keyContext().setNamespace(LEFT_CLEANUP);
            eventTime.timers().registerTimer(upper > 0 ? timestamp + upper : timestamp);
        };
    }

    /** The right input. */
    public KeyedInput<T2, K> right() {
        return (key, keyBytes, keyGroup, value) -> {
            long timestamp = enter(keyBytes, keyGroup);
            if (isLate(timestamp)) {
                rightLate.late(value, timestamp, eventTime.watermark());
                return;
            }
            buffer(rightBuffer, timestamp, value);
            for (Map.Entry<Long, List<T1>> left : leftBuffer.entries()) {
                long leftTimestamp = left.getKey();
                if (timestamp >= leftTimestamp + lower && timestamp <= leftTimestamp + upper) {
                    for (T1 match : left.getValue()) {
                        emit(match, leftTimestamp, value, timestamp);
                    }
                }
            }
            task.keyContext().setNamespace(RIGHT_CLEANUP);
            eventTime.timers().registerTimer(lower <= 0 ? timestamp - lower : timestamp);
        };
    }

    @Override
    public void onTimer(long timestamp, TimeDomain domain) {
        boolean left = task.keyContext().namespace()[0] == LEFT_CLEANUP[0];
        task.keyContext().setNamespace(NO_NAMESPACE);
        if (left) {
            leftBuffer.remove(upper > 0 ? timestamp - upper : timestamp);
        } else {
            rightBuffer.remove(lower <= 0 ? timestamp + lower : timestamp);
        }
    }

    private long enter(byte[] keyBytes, int keyGroup) {
        task.keyContext().setCurrentKey(keyGroup, keyBytes);
        task.keyContext().setNamespace(NO_NAMESPACE);
        return task.currentTimestamp();
    }

    /** Behind the watermark, as for windows: what it could have matched may be gone already. */
    private boolean isLate(long timestamp) {
        return timestamp <= eventTime.watermark();
    }

    private static <T> void buffer(MapState<Long, List<T>> buffer, long timestamp, T value) {
        List<T> existing = buffer.get(timestamp);
        List<T> updated = existing == null ? new ArrayList<>(1) : new ArrayList<>(existing);
        updated.add(value);
        buffer.put(timestamp, updated);
    }

    private void emit(T1 left, long leftTimestamp, T2 right, long rightTimestamp) {
        long elementTimestamp = task.currentTimestamp();
        context.leftTimestamp = leftTimestamp;
        context.rightTimestamp = rightTimestamp;
        task.assignTimestamp(context.timestamp());
        try {
            function.processElement(left, right, context, collector);
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        } finally {
            task.assignTimestamp(elementTimestamp);
        }
    }

    private static final class PairContext implements ProcessJoinFunction.Context {

        private long leftTimestamp;
        private long rightTimestamp;

        @Override
        public long leftTimestamp() {
            return leftTimestamp;
        }

        @Override
        public long rightTimestamp() {
            return rightTimestamp;
        }

        @Override
        public long timestamp() {
            return Math.max(leftTimestamp, rightTimestamp);
        }
    }
}
