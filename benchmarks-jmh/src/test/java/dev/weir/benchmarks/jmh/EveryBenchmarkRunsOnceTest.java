package dev.weir.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark of the module, invoked once in this JVM for each of its parameter sets (with
 * fewer keys, to stay quick): a fixture that fails, a benchmark that throws or a teardown that
 * leaves a RocksDB directory behind fails the build, instead of surprising whoever runs the suite
 * next. Nothing is timed.
 */
class EveryBenchmarkRunsOnceTest {

    @Test
    void everyBenchmarkRunsWithoutErrorAndDeletesItsState(@TempDir Path stateParent) throws RunnerException, IOException {
        Options options = new OptionsBuilder()
                .include(EveryBenchmarkRunsOnceTest.class.getPackageName() + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .mode(Mode.SingleShotTime)
                .measurementBatchSize(1)
                .param("keyCount", "1000")
                .param("dirtyKeys", "100")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        System.setProperty(TaskStateFixture.STATE_DIRECTORY_PROPERTY, stateParent.toString());
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } finally {
            System.clearProperty(TaskStateFixture.STATE_DIRECTORY_PROPERTY);
        }

        assertThat(results.stream().map(result -> result.getParams().getBenchmark()).distinct())
                .hasSize(listedBenchmarkCount());
        assertThat(results).allSatisfy(result -> assertThat(result.getPrimaryResult().getSampleCount()).isEqualTo(1));
        try (Stream<Path> left = Files.list(stateParent)) {
            assertThat(left).as("state directories left behind by teardown").isEmpty();
        }
    }

    /** How many benchmark methods JMH's annotation processor listed: one line each. */
    private static int listedBenchmarkCount() throws IOException {
        try (InputStream list = Objects.requireNonNull(
                EveryBenchmarkRunsOnceTest.class.getResourceAsStream("/META-INF/BenchmarkList"), "no BenchmarkList");
                BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            return (int) reader.lines().filter(line -> !line.isBlank()).count();
        }
    }
}
