package dev.weir.state;

/**
 * A keyed-state operation failed: the local store could not be read or written, or a user
 * function that the state applies (a reduce function) threw a checked exception.
 */
public class StateException extends RuntimeException {

    /** An exception with a message and its cause. */
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception with a message. */
    public StateException(String message) {
        super(message);
    }
}
