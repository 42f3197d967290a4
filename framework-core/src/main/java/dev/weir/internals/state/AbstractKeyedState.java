package dev.weir.internals.state;

import dev.weir.state.State;

/** What every keyed state shares: its table, how payloads are stored, and the current key. */
abstract class AbstractKeyedState implements State {

    final StagedTable table;
    final ValueStorage storage;
    final KeyContext keyContext;

    AbstractKeyedState(StagedTable table, ValueStorage storage, KeyContext keyContext) {
        this.table = table;
        this.storage = storage;
        this.keyContext = keyContext;
    }

    /** The RocksDB key of the current key and namespace. */
    final byte[] currentStateKey() {
        return StateKeyCodec.stateKey(keyContext.keyGroup(), keyContext.serializedKey(), keyContext.namespace());
    }

    @Override
    public void clear() {
        table.delete(currentStateKey());
    }
}
