package dev.weir.internals.runtime;

/**
 * The worker no longer owns its tasks: its producer was fenced or its group generation is
 * stale (it was a zombie). Nothing it did since the last checkpoint is committed; it closes its
 * tasks and joins the group again.
 */
final class OwnershipLostException extends RuntimeException {

    OwnershipLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
