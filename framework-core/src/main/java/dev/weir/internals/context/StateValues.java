package dev.weir.internals.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.weir.state.AppendingState;
import dev.weir.state.ListState;
import dev.weir.state.MapState;
import dev.weir.state.State;
import dev.weir.state.ValueState;

/** Reads the current key's entry of a state as a plain value, for state queries. */
public final class StateValues {

    private StateValues() {
    }

    /**
     * The current key's entry: the value of a value, reducing or aggregating state, a copy of a
     * list or map; {@code null} when the key has none (an empty list or map included).
     */
    public static Object read(State state) {
        if (state instanceof ValueState<?> value) {
            return value.value();
        }
        if (state instanceof ListState<?> list) {
            List<Object> copy = new ArrayList<>();
            list.get().forEach(copy::add);
            return copy.isEmpty() ? null : copy;
        }
        if (state instanceof MapState<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.entries().forEach(e -> copy.put(e.getKey(), e.getValue()));
            return copy.isEmpty() ? null : copy;
        }
        if (state instanceof AppendingState<?, ?> appending) {
            return appending.get();
        }
        throw new IllegalArgumentException("cannot read state of type " + state.getClass().getName());
    }

    /** The kind of state a handle stands for: value, list, map, reducing or aggregating. */
    public static String kindOf(StateHandle<?> handle) {
        String name = handle.descriptor().getClass().getSimpleName();
        return name.substring(0, name.length() - "StateDescriptor".length()).toLowerCase(Locale.ROOT);
    }
}
