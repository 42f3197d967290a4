package dev.weir.internals.state;

/** A key and its stored value, as found by a scan. */
record StoredEntry(byte[] key, byte[] value) {
}
