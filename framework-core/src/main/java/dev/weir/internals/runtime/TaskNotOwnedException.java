package dev.weir.internals.runtime;

/** A worker was asked to read the state of a task it does not run (any longer). */
final class TaskNotOwnedException extends RuntimeException {

    TaskNotOwnedException(TaskId task) {
        super("task " + task + " is not run by this worker", null, false, false);
    }
}
