package dev.weir.internals.context;

/**
 * The task a worker thread is processing. State handles resolve through it, so that one
 * function instance serves every task of every worker.
 */
public final class ActiveTask {

    private static final ThreadLocal<KeyedStateProvider> CURRENT = new ThreadLocal<>();

    private ActiveTask() {
    }

    /** Makes {@code task} the current thread's active task; {@code null} clears it. */
    public static void set(KeyedStateProvider task) {
        if (task == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(task);
        }
    }

    static KeyedStateProvider current() {
        KeyedStateProvider task = CURRENT.get();
        if (task == null) {
            throw new IllegalStateException("keyed state can be used only while an element or a timer is processed, "
                    + "on the worker thread that processes it");
        }
        return task;
    }
}
