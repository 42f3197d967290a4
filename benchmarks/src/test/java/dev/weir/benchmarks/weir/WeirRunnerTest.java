package dev.weir.benchmarks.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.weir.benchmarks.workloads.ComparedWorkload;
import dev.weir.benchmarks.workloads.GroupCompletion;
import dev.weir.benchmarks.workloads.InputKind;
import dev.weir.benchmarks.workloads.InputRecord;
import dev.weir.benchmarks.workloads.RunnerArguments;
import dev.weir.benchmarks.workloads.Verdict;
import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaExtension;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The runner contract of the comparison benchmark, with WeirRunner in a child JVM on a real broker. */
class WeirRunnerTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    @TempDir
    Path stateDir;

    @Test
    void runsTheWorkloadAnnouncesItselfAndExitsWithZeroOnSigterm() {
        String app = "runner-passthrough";
        KAFKA.createTopic(app + "-in", 2, KEEP_FOREVER);
        KAFKA.createTopic(app + "-out", 2, KEEP_FOREVER);
        BrokerTopics topics = new BrokerTopics(KAFKA.bootstrapServers());
        topics.load(app + "-in", InputKind.KEYED.generator(), 3_000, UnaryOperator.identity());

        try (ChildJvm runner = runner(ComparedWorkload.PASSTHROUGH, app);
             GroupCompletion completion = new GroupCompletion(KAFKA.bootstrapServers())) {
            runner.awaitLogLine(RunnerArguments.RUNNING_LINE, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> completion.finished(app, app + "-in"));
            assertThat(runner.stop(Duration.ofSeconds(60))).isZero();
        }
        Verdict verdict = ComparedWorkload.PASSTHROUGH.verify(topics.readAll(app + "-in"), topics.readAll(app + "-out"));
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();
    }

    @Test
    void exitsWithOneWhenARecordCannotBeProcessed() {
        String app = "runner-poison";
        KAFKA.createTopic(app + "-in", 2, KEEP_FOREVER);
        KAFKA.createTopic(app + "-out", 2, KEEP_FOREVER);
        BrokerTopics topics = new BrokerTopics(KAFKA.bootstrapServers());
        topics.load(app + "-in", InputKind.TRANSACTIONS.generator(), 1,
                r -> new InputRecord(r.key(), "not a transaction", r.timestamp()));

        try (ChildJvm runner = runner(ComparedWorkload.FRAUD, app)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> runner.exitCode().isPresent());
            assertThat(runner.exitCode()).hasValue(1);
        }
    }

    private ChildJvm runner(ComparedWorkload workload, String app) {
        return ChildJvm.builder(WeirRunner.class.getName())
                .jvmOption("-Xmx512m")
                .args("workload=" + workload.label(), "bootstrap-servers=" + KAFKA.bootstrapServers(),
                        "input=" + app + "-in", "output=" + app + "-out", "application-id=" + app,
                        "state-dir=" + stateDir.resolve(app), "commit-interval-ms=100", "parallelism=1")
                .start();
    }
}
