package dev.weir.benchmarks.restart;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.weir.test.ChildJvm;

/** One life of the {@link RestartInstance} in a child JVM: when it was started, its log, its end. */
final class InstanceProcess implements AutoCloseable {

    private static final String JFR_RECORDING = "restart";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm child;
    private final long startMillis;
    private final Path jfrFile;

    private InstanceProcess(ChildJvm child, long startMillis, Path jfrFile) {
        this.child = child;
        this.startMillis = startMillis;
        this.jfrFile = jfrFile;
    }

    /**
     * Starts the instance; {@code startMillis()} is taken just before the process is created.
     *
     * @param jfrFile where {@link #dumpRecording()} writes a JFR recording of the whole life, or null for none
     */
    static InstanceProcess start(String jvmOptions, String bootstrapServers, String applicationId, String input,
                                 String output, Path stateDir, int partitions, int workers, Path logFile, Path jfrFile) {
        ChildJvm.Builder builder = ChildJvm.builder(RestartInstance.class.getName());
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                builder.jvmOption(option);
            }
        }
        if (jfrFile != null) {
            builder.jvmOption("-XX:StartFlightRecording=name=" + JFR_RECORDING + ",settings=profile");
        }
        builder.jvmOption("-XX:+UseG1GC")
                .systemProperty("log4j2.configurationFile", "dev/weir/benchmarks/restart/instance-log4j2.xml")
                .args(bootstrapServers, applicationId, input, output, stateDir.toString(),
                        Integer.toString(partitions), Integer.toString(workers))
                .logFile(logFile);
        long startMillis = System.currentTimeMillis();
        return new InstanceProcess(builder.start(), startMillis, jfrFile);
    }

    long startMillis() {
        return startMillis;
    }

    Path logFile() {
        return child.logFile();
    }

    long pid() {
        return child.pid();
    }

    /** Waits for the instance to print {@code phase}; fails with the end of its log if it does not. */
    void awaitPhase(Phase phase, Duration timeout) {
        child.awaitLogLine(PhaseLine.PREFIX + phase.name() + " ", timeout);
    }

    /**
     * Writes the JFR recording so far, if this instance records one: a SIGKILL would lose it.
     * Uses {@code jcmd} of the running JDK.
     */
    void dumpRecording() {
        if (jfrFile == null) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "JFR.dump",
                    "name=" + JFR_RECORDING, "filename=" + jfrFile.toAbsolutePath())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd JFR.dump failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dumping the JFR recording", e);
        }
    }

    /** SIGKILL, as a crash or the OOM killer would; returns once the process is gone. */
    void kill() {
        child.kill();
    }

    /** SIGTERM, so that the instance leaves the group and its transaction is not left open. */
    @Override
    public void close() {
        child.stop(STOP_TIMEOUT);
    }
}
