package dev.weir.internals.context;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import dev.weir.functions.RuntimeContext;
import dev.weir.state.AggregatingState;
import dev.weir.state.AggregatingStateDescriptor;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.StateDescriptor;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;

/**
 * The runtime context of one operator: hands out state handles, one per state name, each with a
 * slot number unique in the runtime.
 */
public final class OperatorRuntimeContext implements RuntimeContext {

    private final String applicationId;
    private final String operatorUid;
    private final AtomicInteger slots;
    private final Map<String, StateHandle<?>> handles = new HashMap<>();

    /**
     * @param slots the runtime's counter of handle slots, shared by every operator
     */
    public OperatorRuntimeContext(String applicationId, String operatorUid, AtomicInteger slots) {
        this.applicationId = applicationId;
        this.operatorUid = operatorUid;
        this.slots = slots;
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public String operatorUid() {
        return operatorUid;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return handle(descriptor, ValueStateHandle.class, i -> new ValueStateHandle<>(i, operatorUid, descriptor));
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return handle(descriptor, ListStateHandle.class, i -> new ListStateHandle<>(i, operatorUid, descriptor));
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return handle(descriptor, MapStateHandle.class, i -> new MapStateHandle<>(i, operatorUid, descriptor));
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return handle(descriptor, ReducingStateHandle.class, i -> new ReducingStateHandle<>(i, operatorUid, descriptor));
    }

    @Override
    public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
        return handle(descriptor, AggregatingStateHandle.class,
                i -> new AggregatingStateHandle<>(i, operatorUid, descriptor));
    }

    /** The states the operator declared so far, by name. */
    public synchronized Map<String, StateHandle<?>> handles() {
        return Map.copyOf(handles);
    }

    private synchronized <H> H handle(StateDescriptor<?, ?> descriptor, Class<?> type,
                                      IntFunction<H> factory) {
        if (descriptor.name().startsWith("__")) {
            // Windows, triggers and joins keep their own state under the operator's uid with such names.
            throw new IllegalArgumentException("operator '" + operatorUid + "' declares state '" + descriptor.name()
                    + "'; names beginning with '__' are reserved for Weir's own state");
        }
        StateHandle<?> existing = handles.get(descriptor.name());
        if (existing != null) {
            if (!type.isInstance(existing)) {
                throw new IllegalStateException("operator '" + operatorUid + "' already declared state '"
                        + descriptor.name() + "' with another type");
            }
            @SuppressWarnings("unchecked")
            H same = (H) existing;
            return same;
        }
        H created = factory.apply(slots.getAndIncrement());
        handles.put(descriptor.name(), (StateHandle<?>) created);
        return created;
    }
}
