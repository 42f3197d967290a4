package dev.weir.internals.state;

/**
 * How a state's payloads are stored: as they are, or wrapped with an expiry time. States
 * read and write their payloads only through this, so TTL is handled in one place.
 */
interface ValueStorage {

    /** The payload stored under {@code key} that a read may see, or {@code null}. */
    default byte[] read(StagedTable table, byte[] key) {
        return visible(table, key, table.get(key));
    }

    /**
     * The payload of {@code stored}, the value found under {@code key} by a get or a scan,
     * that a read may see, or {@code null}. May stage the entry's removal or refresh.
     */
    byte[] visible(StagedTable table, byte[] key, byte[] stored);

    /**
     * The live payload under {@code key} that is about to be replaced by a write (an append
     * or a fold), or {@code null}: an expired payload is never built upon.
     */
    byte[] readForUpdate(StagedTable table, byte[] key);

    /** Stages {@code payload} under {@code key}. */
    void write(StagedTable table, byte[] key, byte[] payload);
}
