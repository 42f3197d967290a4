package dev.weir.benchmarks.jmh;

import dev.weir.config.WeirConfig;

/** The engine's default settings that shape the hot path, read from {@link WeirConfig} rather than repeated here. */
final class EngineDefaults {

    /** A configuration with nothing but the required settings; it is never connected anywhere. */
    private static final WeirConfig DEFAULTS = WeirConfig.custom()
            .applicationId("weir-jmh")
            .bootstrapServers("localhost:9092")
            .build();

    /** {@code weir.key-groups}: the modulus of key-group hashing. */
    static final int KEY_GROUPS = DEFAULTS.keyGroups();

    /** {@code weir.state.memory}: the RocksDB block cache and write buffers of one process. */
    static final long STATE_MEMORY_BYTES = DEFAULTS.stateMemoryBytes();

    private EngineDefaults() {
    }
}
