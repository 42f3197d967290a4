package dev.weir.state;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares a {@link ListState}.
 *
 * @param <T> the element type
 */
public final class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, List<T>> {

    private final Serde<T> elementSerde;

    /** A list state named {@code name} whose elements are serialized with {@code elementSerde}. */
    public ListStateDescriptor(String name, Serde<T> elementSerde) {
        super(name);
        this.elementSerde = Objects.requireNonNull(elementSerde, "elementSerde");
    }

    /** The serde of the elements. */
    public Serde<T> elementSerde() {
        return elementSerde;
    }
}
