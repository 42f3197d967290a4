package dev.weir.internals.state;

/** Stores payloads as they are, for states without TTL. */
final class PlainValueStorage implements ValueStorage {

    static final PlainValueStorage INSTANCE = new PlainValueStorage();

    private PlainValueStorage() {
    }

    @Override
    public byte[] visible(StagedTable table, byte[] key, byte[] stored) {
        return stored;
    }

    @Override
    public byte[] readForUpdate(StagedTable table, byte[] key) {
        return table.get(key);
    }

    @Override
    public void write(StagedTable table, byte[] key, byte[] payload) {
        table.put(key, payload);
    }
}
