package dev.weir.chaos;

import java.util.ArrayList;
import java.util.List;

import dev.weir.test.ChildJvm;

/**
 * Every child JVM a chaos run starts, so that all of them are killed at the end whatever
 * happened: by {@link #close()} when the test ends, or by a shutdown hook if the test JVM itself
 * is stopped. A leftover broker or instance would otherwise keep a shared machine busy.
 */
final class ChildProcesses implements AutoCloseable {

    /** The logging configuration of every child JVM (a class path resource): warnings included. */
    static final String CHILD_LOGGING = "log4j2-child.xml";

    private final List<ChildJvm> started = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::killAll, "chaos-child-reaper");

    ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a child JVM and remembers it.
     *
     * @param builder the described child
     * @return the running child
     */
    synchronized ChildJvm start(ChildJvm.Builder builder) {
        ChildJvm child = builder.start();
        started.add(child);
        return child;
    }

    /** Kills every child still running, paused ones included (SIGKILL ends a stopped process too). */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: nothing is left to kill.
        }
    }

    private synchronized void killAll() {
        for (ChildJvm child : started) {
            try {
                child.kill();
            } catch (RuntimeException e) {
                System.err.println("could not kill " + child + ": " + e);
            }
        }
    }
}
