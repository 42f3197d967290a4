package dev.weir.internals.state;

/**
 * One decoded changelog record: which state, which stored key, and the stored value or
 * {@code null} for a deletion. Arrays are compared by identity, as in every record.
 *
 * @param stateId the column-family id of the state (or timers) the entry belongs to
 * @param dbKey the entry's RocksDB key
 * @param value the stored value bytes, or {@code null} if the entry was deleted
 */
public record ChangelogEntry(String stateId, byte[] dbKey, byte[] value) {
}
