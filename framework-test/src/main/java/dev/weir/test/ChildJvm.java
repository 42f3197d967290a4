package dev.weir.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A main class running in a separate JVM with the test's class path, so that a test can do to
 * it what production does to instances: kill it with {@code SIGKILL}, freeze it with
 * {@code SIGSTOP}, stop it with {@code SIGTERM}. Standard output and error go to a log file
 * that {@link #awaitLogLine(Pattern, Duration)} follows.
 *
 * <p>Signals are sent with the {@code kill} command, so this works on Linux and macOS only.
 *
 * <pre>{@code
 * try (ChildJvm instance = ChildJvm.builder("com.example.FraudDetector")
 *         .jvmOption("-Xmx512m").systemProperty("weir.application-id", "fraud").start()) {
 *     instance.awaitLogLine("checkpoint 1 committed", Duration.ofSeconds(30));
 *     instance.kill();
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {

    /** Exit code of a JVM ended by {@code SIGKILL} (128 + 9). */
    public static final int SIGKILL_EXIT_CODE = 137;

    private static final int LOG_LINES_IN_FAILURES = 50;
    private static final Duration EXIT_AFTER_SIGKILL = Duration.ofSeconds(30);

    private final String mainClass;
    private final Process process;
    private final Path logFile;
    private final long logStart;

    private ChildJvm(String mainClass, Process process, Path logFile, long logStart) {
        this.mainClass = mainClass;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    /**
     * Starts describing a child JVM.
     *
     * @param mainClass fully qualified name of a class with a {@code main} method on the
     *                  current class path
     * @return a builder
     */
    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    /** @return the operating-system process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether the process is still running (a paused process is running) */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The exit code, once the process has ended. A process ended by a signal has exit code
     * 128 plus the signal number: 137 after {@code SIGKILL}, 143 after {@code SIGTERM}.
     *
     * @return the exit code, or empty while the process runs
     */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** @return the file that receives the child's standard output and error */
    public Path logFile() {
        return logFile;
    }

    /**
     * Kills the process with {@code SIGKILL}, as a crash or an OOM killer would, and waits
     * until it is gone. No shutdown hook runs. Does nothing if it already ended.
     */
    public void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        if (!waitFor(EXIT_AFTER_SIGKILL)) {
            throw new IllegalStateException(describe() + " is still alive " + EXIT_AFTER_SIGKILL + " after SIGKILL");
        }
    }

    /**
     * Freezes the process with {@code SIGSTOP}: it keeps its sockets and memory but runs no
     * code, like a JVM in a long garbage-collection pause or a host that stalls.
     */
    public void pause() {
        signal("STOP");
    }

    /** Lets a process frozen by {@link #pause()} continue, with {@code SIGCONT}. */
    public void resume() {
        signal("CONT");
    }

    /**
     * Asks the process to stop with {@code SIGTERM}, so its shutdown hooks run, and kills it
     * with {@code SIGKILL} if it has not ended within the timeout. A paused process is not
     * resumed first; it will be killed when the timeout expires.
     *
     * @param timeout how long to wait for a clean exit
     * @return the exit code (143 for a JVM ended by the {@code SIGTERM}, 137 if killed)
     */
    public int stop(Duration timeout) {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(timeout)) {
                kill();
            }
        }
        return process.exitValue();
    }

    /**
     * Waits until the child logs a line that contains the given text. Lines logged since
     * this child started count, including those logged before the call.
     *
     * @param text    text the line must contain
     * @param timeout how long to wait at most
     * @return the whole line
     * @throws AssertionError on timeout or if the process ends first; the message includes
     *                        the last lines of the log
     */
    public String awaitLogLine(String text, Duration timeout) {
        return awaitLogLine(line -> line.contains(text), "containing \"" + text + "\"", timeout);
    }

    /**
     * Waits until the child logs a line in which the pattern is found. Lines logged since
     * this child started count, including those logged before the call.
     *
     * @param pattern pattern to find in the line ({@link java.util.regex.Matcher#find()})
     * @param timeout how long to wait at most
     * @return the whole line
     * @throws AssertionError on timeout or if the process ends first; the message includes
     *                        the last lines of the log
     */
    public String awaitLogLine(Pattern pattern, Duration timeout) {
        return awaitLogLine(line -> pattern.matcher(line).find(), "matching /" + pattern + "/", timeout);
    }

    /** Kills the process if it is still running; see {@link #kill()}. */
    @Override
    public void close() {
        kill();
    }

    /**
     * Names the child for messages.
     *
     * @return {@code child JVM <main class> (pid <pid>)}
     */
    @Override
    public String toString() {
        return describe();
    }

    private String awaitLogLine(Predicate<String> matcher, String description, Duration timeout) {
        LogTail tail = new LogTail(logFile, logStart, LOG_LINES_IN_FAILURES);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // Sample liveness before reading, so that a line written just before exit is found.
            boolean alive = process.isAlive();
            Optional<String> line = tail.findNew(matcher);
            if (line.isPresent()) {
                return line.get();
            }
            if (!alive) {
                throw new AssertionError(failure(description, "it exited with code " + process.exitValue(), tail));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure(description, "timed out after " + timeout, tail));
            }
            Polling.pause();
        }
    }

    private String failure(String description, String reason, LogTail tail) {
        StringBuilder message = new StringBuilder()
                .append(describe()).append(" logged no line ").append(description).append(": ")
                .append(reason).append(". Last lines of ").append(logFile).append(':');
        tail.lastLines().forEach(line -> message.append(System.lineSeparator()).append("  | ").append(line));
        return message.toString();
    }

    private void signal(String name) {
        if (!process.isAlive()) {
            throw new IllegalStateException(describe() + " has ended; cannot send SIG" + name);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name, e);
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + describe(), e);
        }
    }

    private String describe() {
        return "child JVM " + mainClass + " (pid " + process.pid() + ")";
    }

    /** Describes a {@link ChildJvm} before it starts. */
    public static final class Builder {

        private final String mainClass;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path logFile;
        private String classPath;

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        /**
         * Adds program arguments, passed to {@code main} after those added before.
         *
         * @param args arguments
         * @return this builder
         */
        public Builder args(String... args) {
            this.args.addAll(List.of(args));
            return this;
        }

        /**
         * Adds a JVM option, e.g. {@code -Xmx512m}.
         *
         * @param option the option as typed on a {@code java} command line
         * @return this builder
         */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /**
         * Sets a system property of the child ({@code -Dname=value}).
         *
         * @param name  property name
         * @param value property value
         * @return this builder
         */
        public Builder systemProperty(String name, String value) {
            systemProperties.put(name, value);
            return this;
        }

        /**
         * Sets an environment variable of the child; the rest of the environment is inherited.
         *
         * @param name  variable name
         * @param value variable value
         * @return this builder
         */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /**
         * Sets the file for standard output and error. An existing file is appended to, so
         * one file can hold the history of an instance restarted several times. By default
         * a new temporary file is used, and kept for inspection.
         *
         * @param logFile the file
         * @return this builder
         */
        public Builder logFile(Path logFile) {
            this.logFile = logFile.toAbsolutePath();
            return this;
        }

        /**
         * Sets the child's class path, for a main class whose libraries must not meet the
         * current class path's (another version of a client library, say). By default the child
         * gets the current class path.
         *
         * @param classPath entries separated by the platform's path separator; an entry may end
         *                  in {@code *} for every jar of a directory, as on a {@code java} command line
         * @return this builder
         */
        public Builder classPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        /**
         * Starts the child JVM with the class path set by {@link #classPath(String)}, or else the
         * current class path (Surefire's test class path when running under Maven), and the
         * current Java binary.
         *
         * @return the running child
         */
        public ChildJvm start() {
            try {
                Path log = logFile != null ? logFile : Files.createTempFile("weir-child-" + simpleName() + "-", ".log");
                if (log.getParent() != null) {
                    Files.createDirectories(log.getParent());
                }
                long logStart = Files.exists(log) ? Files.size(log) : 0;
                ProcessBuilder builder = new ProcessBuilder(command())
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(log.toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                // The child gets an empty standard input rather than a pipe nobody writes to.
                process.getOutputStream().close();
                return new ChildJvm(mainClass, process, log, logStart);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a child JVM for " + mainClass, e);
            }
        }

        private List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(jvmOptions);
            systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.add("-cp");
            command.add(classPath != null ? classPath : currentClassPath());
            command.add(mainClass);
            command.addAll(args);
            return command;
        }

        private String simpleName() {
            return mainClass.substring(mainClass.lastIndexOf('.') + 1);
        }

        private static String javaBinary() {
            return ProcessHandle.current().info().command()
                    .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        }

        // Under Surefire, java.class.path names only the booter jar; the real class path is here.
        private static String currentClassPath() {
            String surefire = System.getProperty("surefire.test.class.path");
            return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        }
    }
}
