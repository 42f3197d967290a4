package dev.weir.internals.joining;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedCoProcessFunction;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.functions.ValueJoiner;
import dev.weir.kafka.KeyValue;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.Serde;

/**
 * Joins a stream with a table read from a compacted topic: the table's records upsert (a
 * {@code null} value deletes) the key's value in keyed state, and each stream element is joined
 * with the value its key holds when the element arrives.
 *
 * @param <K> the key type
 * @param <T> the stream element type
 * @param <V> the table value type
 * @param <R> the result type
 */
public final class TableJoinFunction<K, T, V, R> extends KeyedCoProcessFunction<K, T, KeyValue<K, V>, R> {

    private final Serde<V> valueSerde;
    private final ValueJoiner<T, V, R> joiner;
    private final boolean leftJoin;
    private ValueState<V> table;

    /**
     * @param leftJoin whether an element whose key has no table value is joined with {@code null}
     *     rather than dropped
     */
    public TableJoinFunction(Serde<V> valueSerde, ValueJoiner<T, V, R> joiner, boolean leftJoin) {
        this.valueSerde = valueSerde;
        this.joiner = joiner;
        this.leftJoin = leftJoin;
    }

    @Override
    public void open(RuntimeContext context) {
        table = context.getState(new ValueStateDescriptor<>("table", valueSerde));
    }

    @Override
    public void processElement1(T element, KeyedProcessFunction.Context<K> context, Collector<R> out) throws Exception {
        V value = table.value();
        if (value != null || leftJoin) {
            R joined = joiner.apply(element, value);
            if (joined != null) {
                out.collect(joined);
            }
        }
    }

    @Override
    public void processElement2(KeyValue<K, V> update, KeyedProcessFunction.Context<K> context, Collector<R> out) {
        table.update(update.value());
    }
}
