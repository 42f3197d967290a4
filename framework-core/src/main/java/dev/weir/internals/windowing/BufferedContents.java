package dev.weir.internals.windowing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.weir.internals.operators.TaskContext;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import org.apache.kafka.common.serialization.Serde;

/**
 * Every element of a window, kept until it fires, optionally only the latest {@code capacity}
 * of them (a sliding count window). At firing, the elements are handed to the window function
 * as they are, or first folded into one result.
 *
 * @param <IN> the element type
 * @param <R> the type the window function sees
 */
final class BufferedContents<IN, R> implements WindowContents<IN, R> {

    private final ListState<IN> elements;
    private final int capacity;
    private final Function<List<IN>, List<R>> view;
    private final TaskContext task;

    /**
     * @param capacity how many of the latest elements to keep, or {@code Integer.MAX_VALUE}
     * @param view what the window function sees of the buffered elements
     */
    BufferedContents(String operatorUid, Serde<IN> elementSerde, int capacity, Function<List<IN>, List<R>> view,
                     TaskContext task) {
        this.elements = task.keyedState(operatorUid, new ListStateDescriptor<>("__window-elements", elementSerde));
        this.capacity = capacity;
        this.view = view;
        this.task = task;
    }

    @Override
    public void add(IN element) {
        if (capacity == Integer.MAX_VALUE) {
            elements.add(element);
            return;
        }
        List<IN> kept = buffered();
        kept.add(element);
        elements.update(kept.size() > capacity ? kept.subList(kept.size() - capacity, kept.size()) : kept);
    }

    @Override
    public List<R> get() {
        List<IN> buffered = buffered();
        return buffered.isEmpty() ? List.of() : view.apply(buffered);
    }

    @Override
    public void clear() {
        elements.clear();
    }

    @Override
    public void merge(byte[] target, List<byte[]> sources) {
        List<IN> merged = new ArrayList<>();
        for (byte[] source : sources) {
            task.keyContext().setNamespace(source);
            merged.addAll(buffered());
            elements.clear();
        }
        task.keyContext().setNamespace(target);
        elements.addAll(merged);
    }

    private List<IN> buffered() {
        List<IN> result = new ArrayList<>();
        elements.get().forEach(result::add);
        return result;
    }
}
