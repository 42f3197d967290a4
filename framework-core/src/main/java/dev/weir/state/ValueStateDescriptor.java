package dev.weir.state;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares a {@link ValueState}.
 *
 * @param <T> the value type
 */
public final class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {

    private final Serde<T> serde;

    /** A value state named {@code name} whose values are serialized with {@code serde}. */
    public ValueStateDescriptor(String name, Serde<T> serde) {
        super(name);
        this.serde = Objects.requireNonNull(serde, "serde");
    }

    /** The serde of the values. */
    public Serde<T> serde() {
        return serde;
    }
}
