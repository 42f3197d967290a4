package dev.weir.internals.operators;

import java.util.List;

/** Pushes each element to several outputs, in order. */
public final class FanOut<T> implements Output<T> {

    private final Output<T>[] outputs;

    @SuppressWarnings("unchecked")
    private FanOut(List<Output<T>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    /** One output as is, several as a fan-out, none as a drop. */
    public static <T> Output<T> of(List<Output<T>> outputs) {
        if (outputs.isEmpty()) {
            return element -> { };
        }
        return outputs.size() == 1 ? outputs.get(0) : new FanOut<>(outputs);
    }

    @Override
    public void push(T element) {
        for (Output<T> output : outputs) {
            output.push(element);
        }
    }
}
