package dev.weir.internals.state;

/** Receives the staged changes of a checkpoint, to write them to the changelog. */
@FunctionalInterface
public interface StagedChangeConsumer {

    /**
     * One staged change.
     *
     * @param stateId the column-family id of the state or timers changed
     * @param dbKey the RocksDB key changed
     * @param valueOrNullForDelete the new stored value, or {@code null} for a deletion
     */
    void accept(String stateId, byte[] dbKey, byte[] valueOrNullForDelete);
}
