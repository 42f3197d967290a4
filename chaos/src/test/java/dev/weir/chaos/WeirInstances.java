package dev.weir.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.weir.test.ChildJvm;

/**
 * The Weir instances of a chaos run, each in its own child JVM under a fixed name
 * ({@code instance-1}, ...), which is also its Weir instance id. A restarted instance keeps its
 * name, state directory and log file, as a restarted pod would.
 */
final class WeirInstances {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final ChildProcesses processes;
    private final String bootstrapServers;
    private final Path stateDirectories;
    private final Path logDirectory;
    private final String input;
    private final String output;
    private final Map<String, ChildJvm> running = new LinkedHashMap<>();

    /**
     * Describes the instances; none runs yet.
     *
     * @param processes        where the instances' JVMs are registered
     * @param bootstrapServers the broker
     * @param stateDirectories parent of each instance's state directory
     * @param logDirectory     where each instance's log file goes
     * @param input            the pipeline's input topic
     * @param output           the pipeline's output topic
     */
    WeirInstances(ChildProcesses processes, String bootstrapServers, Path stateDirectories, Path logDirectory,
                  String input, String output) {
        this.processes = processes;
        this.bootstrapServers = bootstrapServers;
        this.stateDirectories = stateDirectories;
        this.logDirectory = logDirectory;
        this.input = input;
        this.output = output;
    }

    /**
     * Starts instance {@code name} (again, after a kill) and returns once its runtime runs.
     *
     * @param name the instance's name and Weir instance id
     * @return the running instance
     */
    ChildJvm start(String name) {
        ChildJvm instance = processes.start(ChildJvm.builder(ChaosInstanceMain.class.getName())
                .args(name, bootstrapServers, stateDirectories.resolve(name).toString(), input, output)
                .jvmOption("-Xmx384m")
                .jvmOption("-XX:+UseSerialGC")
                .systemProperty("log4j2.configurationFile", ChildProcesses.CHILD_LOGGING)
                .logFile(logFile(name)));
        running.put(name, instance);
        instance.awaitLogLine(ChaosInstanceMain.STARTED, STARTUP);
        return instance;
    }

    /**
     * The JVM currently running instance {@code name}.
     *
     * @param name the instance's name
     * @return its current JVM
     */
    ChildJvm get(String name) {
        ChildJvm instance = running.get(name);
        if (instance == null) {
            throw new IllegalArgumentException("no instance " + name + " was started");
        }
        return instance;
    }

    /** @return the names of the instances started so far, in start order */
    List<String> names() {
        return new ArrayList<>(running.keySet());
    }

    /**
     * The file that receives instance {@code name}'s output, across restarts.
     *
     * @param name the instance's name
     * @return its log file
     */
    Path logFile(String name) {
        return logDirectory.resolve(name + ".log");
    }
}
