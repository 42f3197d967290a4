package dev.weir.state;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares a {@link MapState}. The map iterates in the byte order of the keys that
 * {@code keySerde} produces.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {

    private final Serde<UK> keySerde;
    private final Serde<UV> valueSerde;

    /** A map state named {@code name} with the given serdes for user keys and values. */
    public MapStateDescriptor(String name, Serde<UK> keySerde, Serde<UV> valueSerde) {
        super(name);
        this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
        this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** The serde of the user keys. */
    public Serde<UK> keySerde() {
        return keySerde;
    }

    /** The serde of the user values. */
    public Serde<UV> valueSerde() {
        return valueSerde;
    }
}
