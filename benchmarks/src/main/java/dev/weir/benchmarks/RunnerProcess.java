package dev.weir.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import dev.weir.benchmarks.workloads.RunnerArguments;
import dev.weir.test.ChildJvm;

/**
 * One system's runner in a child JVM of its own, so that its CPU time and peak resident memory are
 * its own and nobody else's: {@link #cpuSeconds()} and {@link #peakResidentBytes()} read them from
 * the operating system.
 */
final class RunnerProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final SystemUnderTest system;
    private final ChildJvm child;
    private volatile boolean running;
    private volatile String startFailure;

    private RunnerProcess(SystemUnderTest system, ChildJvm child) {
        this.system = system;
        this.child = child;
        Thread watcher = new Thread(this::awaitRunning, "runner-start-" + child.pid());
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Starts the system's runner.
     *
     * @param heap        heap options, the same for every system
     * @param flinkModule the {@code benchmarks-flink} module directory
     * @param logFile     where the runner's output goes
     */
    static RunnerProcess start(SystemUnderTest system, RunnerArguments arguments, String heap, Path flinkModule,
                               Path logFile) {
        ChildJvm.Builder builder = ChildJvm.builder(system.mainClass())
                .classPath(system.classPath(flinkModule))
                .logFile(logFile)
                .args(arguments.toArgs().toArray(String[]::new));
        for (String option : heap.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                builder.jvmOption(option);
            }
        }
        builder.jvmOption("-XX:+UseG1GC");
        system.jvmOptions(flinkModule).forEach(builder::jvmOption);
        return new RunnerProcess(system, builder.start());
    }

    private void awaitRunning() {
        try {
            child.awaitLogLine(RunnerArguments.RUNNING_LINE, START_TIMEOUT);
            running = true;
        } catch (AssertionError | RuntimeException e) {
            startFailure = system.displayName() + " did not start: " + e.getMessage();
        }
    }

    /** Whether the runner said it processes. */
    boolean running() {
        return running;
    }

    /** Why the runner is not going to finish, or null while it is fine. */
    String failure() {
        if (startFailure != null) {
            return startFailure;
        }
        if (!child.isAlive()) {
            return system.displayName() + " exited with code " + child.exitCode().orElse(-1) + "; last lines of "
                    + child.logFile() + ":" + System.lineSeparator() + tail(20);
        }
        return null;
    }

    long pid() {
        return child.pid();
    }

    Path logFile() {
        return child.logFile();
    }

    /** CPU seconds (user and system) the runner's JVM used so far. */
    double cpuSeconds() {
        return ProcessHandle.of(child.pid()).flatMap(p -> p.info().totalCpuDuration())
                .map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The runner's peak resident set so far (VmHWM), in bytes; -1 where the OS does not say. */
    long peakResidentBytes() {
        Path status = Paths.get("/proc", Long.toString(child.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: unknown.
        }
        return -1;
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(child.logFile());
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops the runner with {@code SIGTERM}, and kills it if it does not exit in time. */
    @Override
    public void close() {
        if (child.isAlive()) {
            child.stop(STOP_TIMEOUT);
        }
    }
}
