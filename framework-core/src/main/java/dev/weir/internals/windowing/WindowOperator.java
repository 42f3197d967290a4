package dev.weir.internals.windowing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.functions.TimeDomain;
import dev.weir.internals.operators.KeyedInput;
import dev.weir.internals.operators.OperatorEventTime;
import dev.weir.internals.operators.OperatorException;
import dev.weir.internals.operators.Output;
import dev.weir.internals.operators.TaskContext;
import dev.weir.internals.operators.TimerTarget;
import dev.weir.internals.state.InternalTimerService;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import dev.weir.windowing.MergingWindowAssigner;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.Trigger;
import dev.weir.windowing.TriggerResult;
import dev.weir.windowing.Window;
import dev.weir.windowing.WindowAssigner;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Runs windows in one task, as Flink's window operator does: each element goes into the windows
 * its assigner names (merged, for sessions), the trigger decides when a window is evaluated and
 * purged, and a cleanup timer at the window's end plus the allowed lateness drops its state.
 * An element too late for all its windows goes to the late-data output.
 *
 * <p>Contents, trigger state and timers live in the task's keyed state under the window as
 * namespace, so they are checkpointed and restored like any other state.
 *
 * @param <K> the key type
 * @param <IN> the element type
 * @param <R> the type of the window contents the function sees
 * @param <OUT> the output type
 * @param <W> the window type
 */
public final class WindowOperator<K, IN, R, OUT, W extends Window> implements KeyedInput<IN, K>, TimerTarget {

    private static final byte[] NO_NAMESPACE = new byte[0];

    private final String uid;
    private final WindowAssigner<? super IN, W> assigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final long allowedLateness;
    private final WindowContents<IN, R> contents;
    private final WindowFunctionRunner<R, OUT, K, W> function;
    private final LateElements<IN> lateElements;
    private final Deserializer<K> keyDeserializer;
    private final TaskContext task;
    private final OperatorEventTime eventTime;
    private final InternalTimerService processingTimers;
    private final ValueState<byte[]> mergingWindows;
    private final Map<String, State> triggerStates = new HashMap<>();
    private final Context context = new Context();
    private final Collector<OUT> collector;
    private K currentKey;
    private W currentWindow;

    public WindowOperator(String uid, WindowAssigner<? super IN, W> assigner, Trigger<? super IN, ? super W> trigger,
                          long allowedLateness, WindowContents<IN, R> contents, WindowFunctionRunner<R, OUT, K, W> function,
                          LateElements<IN> lateElements, Deserializer<K> keyDeserializer, Output<OUT> next,
                          TaskContext task) {
        this.uid = uid;
        this.assigner = assigner;
        this.trigger = trigger;
        this.allowedLateness = allowedLateness;
        this.contents = contents;
        this.function = function;
        this.lateElements = lateElements;
        this.keyDeserializer = keyDeserializer;
        this.task = task;
        this.collector = next::push;
        this.eventTime = task.eventTime(uid, this);
        this.processingTimers = task.processingTimers(uid, this);
        this.mergingWindows = assigner instanceof MergingWindowAssigner
                ? task.keyedState(uid, new ValueStateDescriptor<>("__merging-windows", Serdes.ByteArray())) : null;
    }

    @Override
    public void processKeyed(K key, byte[] keyBytes, int keyGroup, IN value) {
        task.keyContext().setCurrentKey(keyGroup, keyBytes);
        currentKey = key;
        long timestamp = task.currentTimestamp();
        try {
            boolean skipped = true;
            Collection<W> windows = assigner.assignWindows(value, timestamp, task.currentProcessingTime());
            MergingWindowSet merging = loadMergingWindows();
            for (W window : windows) {
                W actual = window;
                W stateWindow = window;
                if (merging != null) {
                    actual = cast(merging.add((TimeWindow) window, this::mergeWindows));
                    if (isWindowLate(actual)) {
                        merging.retire((TimeWindow) actual);
                        continue;
                    }
                    stateWindow = cast(merging.stateWindowOf((TimeWindow) actual));
                } else if (isWindowLate(window)) {
                    continue;
                }
                skipped = false;
                namespace(stateWindow);
                contents.add(value);
                enterWindow(actual);
                TriggerResult result = trigger.onElement(value, timestamp, actual, context);
                apply(result, actual, stateWindow);
                registerCleanupTimer(actual);
            }
            storeMergingWindows(merging);
            if (skipped && isElementLate(timestamp)) {
                lateElements.late(value, timestamp, eventTime.watermark());
            }
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
    }

    @Override
    public void onTimer(long timestamp, TimeDomain domain) {
        W window = WindowCodec.decode(task.keyContext().namespace());
        try {
            currentKey = keyDeserializer.deserialize(uid, task.keyContext().serializedKey());
            W stateWindow = window;
            MergingWindowSet merging = loadMergingWindows();
            if (merging != null) {
                stateWindow = cast(merging.stateWindowOf((TimeWindow) window));
                if (stateWindow == null) {
                    // The window merged into another or was cleared: its timer is stale.
                    return;
                }
            }
            enterWindow(window);
            TriggerResult result = domain == TimeDomain.EVENT_TIME
                    ? trigger.onEventTime(timestamp, window, context)
                    : trigger.onProcessingTime(timestamp, window, context);
            apply(result, window, stateWindow);
            if ((domain == TimeDomain.EVENT_TIME) == assigner.isEventTime() && timestamp == cleanupTime(window)) {
                clearAllState(window, stateWindow, merging);
            }
            storeMergingWindows(merging);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
    }

    private void apply(TriggerResult result, W window, W stateWindow) throws Exception {
        if (result.isFire()) {
            namespace(stateWindow);
            List<R> fired = contents.get();
            if (!fired.isEmpty()) {
                emit(window, fired);
            }
        }
        if (result.isPurge()) {
            namespace(stateWindow);
            contents.clear();
        }
    }

    private void emit(W window, List<R> fired) throws Exception {
        long elementTimestamp = task.currentTimestamp();
        if (window.maxTimestamp() != Long.MAX_VALUE) {
            task.assignTimestamp(window.maxTimestamp());
        }
        currentWindow = window;
        byte[] windowNamespace = task.keyContext().namespace();
        // The function's own state is the key's across windows, so it lives in the default namespace.
        task.keyContext().setDefaultNamespace();
        try {
            function.run(currentKey, context, fired, collector);
        } finally {
            task.keyContext().setNamespace(windowNamespace);
            task.assignTimestamp(elementTimestamp);
        }
    }

    private void clearAllState(W window, W stateWindow, MergingWindowSet merging) throws Exception {
        namespace(stateWindow);
        contents.clear();
        enterWindow(window);
        trigger.clear(window, context);
        if (merging != null) {
            merging.retire((TimeWindow) window);
        }
    }

    /** Merges the contents, trigger state and timers of windows that grew into one. */
    private void mergeWindows(TimeWindow mergeResult, Collection<TimeWindow> mergedWindows, TimeWindow stateWindow,
                              List<TimeWindow> mergedStateWindows) {
        try {
            W result = cast(mergeResult);
            enterWindow(result);
            context.mergedWindows = mergedWindows;
            trigger.onMerge(result, context);
            context.mergedWindows = List.of();
            for (TimeWindow merged : mergedWindows) {
                W window = cast(merged);
                enterWindow(window);
                trigger.clear(window, context);
                deleteCleanupTimer(window);
            }
            List<byte[]> sources = new ArrayList<>();
            mergedStateWindows.forEach(w -> sources.add(WindowCodec.encode(w)));
            contents.merge(WindowCodec.encode(stateWindow), sources);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw OperatorException.wrap(uid, e);
        }
    }

    private MergingWindowSet loadMergingWindows() {
        if (mergingWindows == null) {
            return null;
        }
        task.keyContext().setNamespace(NO_NAMESPACE);
        @SuppressWarnings("unchecked")
        MergingWindowAssigner<?, TimeWindow> merging = (MergingWindowAssigner<?, TimeWindow>) assigner;
        return new MergingWindowSet(merging, WindowCodec.decodeMapping(mergingWindows.value()));
    }

    private void storeMergingWindows(MergingWindowSet merging) {
        if (merging == null || !merging.changed()) {
            return;
        }
        task.keyContext().setNamespace(NO_NAMESPACE);
        mergingWindows.update(merging.mapping().isEmpty() ? null : WindowCodec.encodeMapping(merging.mapping()));
    }

    private void registerCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        enterWindow(window);
        (assigner.isEventTime() ? eventTime.timers() : processingTimers).registerTimer(time);
    }

    private void deleteCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        enterWindow(window);
        (assigner.isEventTime() ? eventTime.timers() : processingTimers).deleteTimer(time);
    }

    /** When a window's state goes: its end plus the allowed lateness in event time, its end in processing time. */
    private long cleanupTime(W window) {
        long max = window.maxTimestamp();
        if (!assigner.isEventTime()) {
            return max;
        }
        return max > Long.MAX_VALUE - allowedLateness ? Long.MAX_VALUE : max + allowedLateness;
    }

    private boolean isWindowLate(W window) {
        return assigner.isEventTime() && cleanupTime(window) <= eventTime.watermark();
    }

    private boolean isElementLate(long timestamp) {
        long lateAt = timestamp > Long.MAX_VALUE - allowedLateness ? Long.MAX_VALUE : timestamp + allowedLateness;
        return assigner.isEventTime() && lateAt <= eventTime.watermark();
    }

    private void enterWindow(W window) {
        currentWindow = window;
        namespace(window);
    }

    private void namespace(W window) {
        task.keyContext().setNamespace(WindowCodec.encode(window));
    }

    @SuppressWarnings("unchecked")
    private W cast(TimeWindow window) {
        return (W) window;
    }

    @SuppressWarnings("unchecked")
    private <S extends State> S triggerState(StateDescriptor<S, ?> descriptor) {
        return (S) triggerStates.computeIfAbsent(descriptor.name(), name -> task.keyedState(uid, descriptor));
    }

    /** What the trigger and the window function see: the current key's current window. */
    private final class Context implements Trigger.OnMergeContext, ProcessWindowFunction.Context<W> {

        private Collection<TimeWindow> mergedWindows = List.of();

        @Override
        public W window() {
            return currentWindow;
        }

        @Override
        public long currentProcessingTime() {
            return task.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return eventTime.watermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processingTimers.registerTimer(time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            eventTime.timers().registerTimer(time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processingTimers.deleteTimer(time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTime.timers().deleteTimer(time);
        }

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
            return triggerState(descriptor);
        }

        @Override
        public <V> void mergePartitionedState(ReducingStateDescriptor<V> descriptor) {
            ReducingState<V> state = triggerState(descriptor);
            List<V> values = new ArrayList<>();
            forEachMergedWindow(() -> {
                V value = state.get();
                if (value != null) {
                    values.add(value);
                }
                state.clear();
            });
            values.forEach(state::add);
        }

        @Override
        public <V> void mergePartitionedState(ListStateDescriptor<V> descriptor) {
            ListState<V> state = triggerState(descriptor);
            List<V> values = new ArrayList<>();
            forEachMergedWindow(() -> {
                state.get().forEach(values::add);
                state.clear();
            });
            state.addAll(values);
        }

        /** Runs {@code action} in each merged window's namespace, then returns to the merge result's. */
        private void forEachMergedWindow(Runnable action) {
            byte[] target = task.keyContext().namespace();
            for (TimeWindow merged : mergedWindows) {
                task.keyContext().setNamespace(WindowCodec.encode(merged));
                action.run();
            }
            task.keyContext().setNamespace(target);
        }
    }
}
