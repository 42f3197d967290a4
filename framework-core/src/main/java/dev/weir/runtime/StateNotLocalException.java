package dev.weir.runtime;

/**
 * A state query reached an instance that does not run the key's task: the task lives on
 * another instance, or it moved there while the query waited.
 */
public class StateNotLocalException extends RuntimeException {

    private final KeyLocation location;

    /** The key lives at {@code location}, not here. */
    public StateNotLocalException(KeyLocation location) {
        super("task " + location.task() + " of operator '" + location.operatorUid() + "' is not run by this instance"
                + location.instanceId().map(i -> "; instance " + i + " runs it").orElse("; it is between owners"));
        this.location = location;
    }

    /** Where the key lives, as far as this instance knows. */
    public KeyLocation location() {
        return location;
    }
}
