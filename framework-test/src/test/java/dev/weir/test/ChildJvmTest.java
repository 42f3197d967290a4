package dev.weir.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TICK = Pattern.compile("^tick (\\d+)$");

    @TempDir
    Path tempDir;

    private int children;

    private ChildJvm.Builder ticking() {
        return ChildJvm.builder(TickingMain.class.getName())
                .jvmOption("-Xmx64m")
                .logFile(tempDir.resolve("child-" + ++children + ".log"));
    }

    @Test
    void childRunsTheMainClassWithArgumentsSystemPropertiesAndEnvironment() {
        try (ChildJvm child = ticking().args("alpha", "beta")
                .systemProperty("weir.test.greeting", "hello")
                .environment("WEIR_TEST_ENV", "from-env")
                .start()) {
            String line = child.awaitLogLine("started", TIMEOUT);

            assertThat(line).isEqualTo("started pid=" + child.pid()
                    + " args=[alpha, beta] greeting=hello env=from-env");
        }
    }

    @Test
    void childRunsOnTheClassPathItIsGiven() throws Exception {
        Path testClasses = Path.of(TickingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ChildJvm child = ticking().classPath(testClasses.toString()).start()) {
            child.awaitLogLine("tick 1", TIMEOUT);
        }
        try (ChildJvm child = ticking().classPath(tempDir.toString()).start()) {
            await().atMost(TIMEOUT).until(() -> child.exitCode().isPresent());

            assertThat(child.exitCode()).hasValue(1);
            assertThat(Files.readString(child.logFile())).contains(TickingMain.class.getName());
        }
    }

    @Test
    void awaitLogLineFindsLinesByPattern() {
        try (ChildJvm child = ticking().start()) {
            String line = child.awaitLogLine(Pattern.compile("^tick [3-9]$"), TIMEOUT);

            assertThat(line).matches("tick [3-9]");
        }
    }

    @Test
    void killEndsTheProcessWithExitCode137() {
        ChildJvm child = ticking().start();
        child.awaitLogLine("tick 1", TIMEOUT);

        child.kill();

        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitCode()).hasValue(ChildJvm.SIGKILL_EXIT_CODE);
    }

    @Test
    void killSkipsShutdownHooks() throws IOException {
        ChildJvm child = ticking().start();
        child.awaitLogLine("tick 1", TIMEOUT);

        child.kill();

        assertThat(Files.readString(child.logFile())).doesNotContain("shutdown hook ran");
    }

    @Test
    void stopRunsShutdownHooksAndExitsWith143() {
        ChildJvm child = ticking().start();
        child.awaitLogLine("tick 1", TIMEOUT);

        int exitCode = child.stop(TIMEOUT);

        assertThat(exitCode).isEqualTo(143);
        assertThat(child.exitCode()).hasValue(143);
        assertThat(child.awaitLogLine("shutdown hook ran", TIMEOUT)).isEqualTo("shutdown hook ran");
    }

    @Test
    void stopKillsAChildThatDoesNotExitInTime() {
        ChildJvm child = ticking().start();
        child.awaitLogLine("tick 1", TIMEOUT);
        // A frozen JVM cannot act on SIGTERM, so only the SIGKILL fallback can end it.
        child.pause();

        int exitCode = child.stop(Duration.ofMillis(200));

        assertThat(exitCode).isEqualTo(ChildJvm.SIGKILL_EXIT_CODE);
    }

    @Test
    void pauseFreezesTheProcessAndResumeLetsItContinue() throws IOException {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "process states are read from Linux /proc");
        try (ChildJvm child = ticking().start()) {
            child.awaitLogLine("tick 1", TIMEOUT);

            child.pause();
            await().atMost(TIMEOUT).until(() -> processState(child.pid()) == 'T');
            long lastTick = lastTick(child.logFile());

            child.resume();
            await().atMost(TIMEOUT).until(() -> processState(child.pid()) != 'T');
            String next = child.awaitLogLine(Pattern.compile("^tick " + (lastTick + 1) + "$"), TIMEOUT);

            assertThat(next).isEqualTo("tick " + (lastTick + 1));
            assertThat(child.isAlive()).isTrue();
        }
    }

    @Test
    void awaitLogLineFailureShowsTheLast50LinesWhenTheChildExits() {
        try (ChildJvm child = ticking().args("exit").start()) {
            assertThatThrownBy(() -> child.awaitLogLine("never printed", TIMEOUT))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("logged no line containing \"never printed\"")
                    .hasMessageContaining("it exited with code 3")
                    .hasMessageContaining("| line 60")
                    .hasMessageNotContaining("| line 11" + System.lineSeparator())
                    .satisfies(e -> assertThat(countOccurrences(e.getMessage(), "  | ")).isEqualTo(50));
        }
    }

    @Test
    void awaitLogLineTimesOutWithTheLastLinesWhenNoLineMatches() {
        try (ChildJvm child = ticking().start()) {
            child.awaitLogLine("tick 1", TIMEOUT);

            assertThatThrownBy(() -> child.awaitLogLine(Pattern.compile("^never$"), Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("timed out after PT0.2S")
                    .hasMessageContaining("| tick ");
        }
    }

    @Test
    void restartedChildAppendsToItsLogFileAndMatchesOnlyItsOwnLines() throws IOException {
        Path log = tempDir.resolve("instance.log");
        try (ChildJvm first = ticking().args("first").logFile(log).start()) {
            first.awaitLogLine("args=[first]", TIMEOUT);
        }
        try (ChildJvm second = ticking().args("exit").logFile(log).start()) {
            assertThatThrownBy(() -> second.awaitLogLine("args=[first]", TIMEOUT))
                    .hasMessageContaining("it exited with code 3");
        }
        assertThat(Files.readString(log)).contains("args=[first]", "args=[exit]");
    }

    @Test
    void closeKillsARunningChild() {
        ChildJvm child = ticking().start();
        child.awaitLogLine("tick 1", TIMEOUT);

        child.close();

        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitCode()).hasValue(ChildJvm.SIGKILL_EXIT_CODE);
    }

    @Test
    void withoutALogFileTheOutputGoesToANewTemporaryFile() throws IOException {
        Path log;
        try (ChildJvm child = ChildJvm.builder(TickingMain.class.getName()).jvmOption("-Xmx64m").start()) {
            child.awaitLogLine("started", TIMEOUT);
            log = child.logFile();
        }
        try {
            assertThat(log).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
            assertThat(Files.readString(log)).startsWith("started pid=");
        } finally {
            Files.delete(log);
        }
    }

    @Test
    void exitCodeIsEmptyWhileRunning() {
        try (ChildJvm child = ticking().start()) {
            assertThat(child.exitCode()).isEmpty();
        }
    }

    private static char processState(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name in parentheses may itself contain spaces; the state follows it.
        return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
    }

    private static long lastTick(Path log) throws IOException {
        long last = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = TICK.matcher(line);
            if (matcher.matches()) {
                last = Math.max(last, Long.parseLong(matcher.group(1)));
            }
        }
        return last;
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
