package dev.weir.functions;

import dev.weir.state.AggregatingState;
import dev.weir.state.AggregatingStateDescriptor;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.ReducingState;
import dev.weir.state.ReducingStateDescriptor;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;

/**
 * What an operator's function sees of the engine when it is opened: its identity and its
 * keyed state.
 *
 * <p>A state object obtained here is a handle: it always reads and writes the entry of the
 * key being processed, in the task that owns that key. Obtain handles once, in {@code open},
 * and keep them in fields.
 */
public interface RuntimeContext {

    /** The application id, {@code weir.application-id}. */
    String applicationId();

    /** The uid of the operator this function belongs to. */
    String operatorUid();

    /** A handle on a value per key. */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    /** A handle on a list per key. */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    /** A handle on a map per key. */
    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    /** A handle on a value per key that folds added values with a reduce function. */
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /** A handle on an accumulator per key that folds added values with an aggregate function. */
    <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor);
}
