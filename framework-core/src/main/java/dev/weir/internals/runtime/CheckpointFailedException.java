package dev.weir.internals.runtime;

/** A checkpoint could not commit; its transaction is aborted and the tasks go back to the last one. */
final class CheckpointFailedException extends RuntimeException {

    CheckpointFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
