package dev.weir.state;

import java.util.Objects;
import java.util.Optional;

/**
 * Declares a keyed state: its name, unique within its operator, how its contents are
 * serialized, and optionally a time-to-live.
 *
 * <p>The name identifies the state's stored data and changelog entries across restarts, so
 * renaming a state abandons its data. The hierarchy is closed: one descriptor per state type.
 *
 * @param <S> the state type this descriptor declares
 * @param <T> the type of the state's contents
 */
public abstract sealed class StateDescriptor<S extends State, T>
        permits ValueStateDescriptor, ListStateDescriptor, MapStateDescriptor,
                ReducingStateDescriptor, AggregatingStateDescriptor {

    private final String name;
    private StateTtlConfig ttlConfig;

    StateDescriptor(String name) {
        this.name = validName(name);
    }

    /** The state's name, unique within its operator. */
    public String name() {
        return name;
    }

    /** The time-to-live of the state's entries, if they expire. */
    public Optional<StateTtlConfig> ttlConfig() {
        return Optional.ofNullable(ttlConfig);
    }

    /**
     * Makes the state's entries expire after the configured processing time without a write
     * (or a read, depending on {@link StateTtlConfig#updateType()}).
     *
     * <p>Enabling TTL changes how entries are stored; keep it enabled or disabled for the
     * life of the state's data.
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + (ttlConfig == null ? "" : ", " + ttlConfig) + "]";
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A state name must not be blank, got " + (name == null ? "null" : "'" + name + "'"));
        }
        if (name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("A state name must not contain '/' (it separates operator uid and state name), got '" + name + "'");
        }
        return name;
    }
}
