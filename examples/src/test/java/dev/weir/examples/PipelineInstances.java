package dev.weir.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.weir.test.ChildJvm;

/**
 * Instances of one example pipeline, each in its own child JVM with its own state directory,
 * for tests that kill, pause and add instances.
 */
final class PipelineInstances implements AutoCloseable {

    private static final Pattern REPLAYED = Pattern.compile(
            "Restored task (\\S+) from changelog offset (\\d+) to \\d+: replayed (\\d+) records, (.*)");

    /** Instance logs stay in the build directory, for reading after a failed run. */
    private static final Path LOGS = Path.of("target", "instance-logs");

    private final String pipeline;
    private final String bootstrapServers;
    private final Path baseDirectory;
    private final String input;
    private final String output;
    private final List<ChildJvm> started = new ArrayList<>();

    PipelineInstances(String pipeline, String bootstrapServers, Path baseDirectory, String input, String output) {
        this.pipeline = pipeline;
        this.bootstrapServers = bootstrapServers;
        this.baseDirectory = baseDirectory;
        this.input = input;
        this.output = output;
    }

    /** Starts instance {@code name} (its state directory is kept across restarts) and waits until it runs. */
    ChildJvm start(String name) {
        return start(name, builder(name));
    }

    /** Like {@link #start(String)}, with the workers' {@code session.timeout.ms} set to {@code sessionTimeout}. */
    ChildJvm start(String name, Duration sessionTimeout) {
        return start(name, builder(name).systemProperty(PipelineInstanceMain.SESSION_TIMEOUT_PROPERTY,
                Long.toString(sessionTimeout.toMillis())));
    }

    private ChildJvm.Builder builder(String name) {
        return ChildJvm.builder(PipelineInstanceMain.class.getName())
                .args(pipeline, bootstrapServers, baseDirectory.resolve(name).toString(), input, output)
                .jvmOption("-Xmx384m")
                .jvmOption("-XX:+UseSerialGC")
                .logFile(LOGS.resolve(pipeline + "-" + name + ".log"));
    }

    private ChildJvm start(String name, ChildJvm.Builder builder) {
        ChildJvm instance = builder.start();
        started.add(instance);
        instance.awaitLogLine(PipelineInstanceMain.STARTED, Duration.ofSeconds(60));
        return instance;
    }

    /** The state directory of instance {@code name}. */
    Path stateDirectory(String name) {
        return baseDirectory.resolve(name);
    }

    /**
     * What the instance's restores logged: task, the changelog offset replay began at, records
     * replayed and whether local state was reused.
     */
    static List<Restore> restores(ChildJvm instance) {
        List<Restore> result = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(instance.logFile())) {
                Matcher m = REPLAYED.matcher(line);
                if (m.find()) {
                    result.add(new Restore(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                            m.group(4).startsWith("local state reused")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** One restore as logged. */
    record Restore(String task, long fromOffset, long replayed, boolean localStateReused) {
    }

    @Override
    public void close() {
        started.forEach(ChildJvm::close);
    }
}
