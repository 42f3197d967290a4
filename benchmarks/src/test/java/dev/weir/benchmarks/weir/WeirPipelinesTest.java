package dev.weir.benchmarks.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.weir.benchmarks.workloads.ComparedWorkload;
import dev.weir.benchmarks.workloads.GroupCompletion;
import dev.weir.benchmarks.workloads.InputRecord;
import dev.weir.benchmarks.workloads.RunnerArguments;
import dev.weir.benchmarks.workloads.Verdict;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.EmbeddedKafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Weir pipeline of the comparison benchmark, with the runner's exactly-once configuration,
 * on a real broker: its committed output must pass the workload's verifier.
 *
 * <p>The windowed workloads run on generated records stamped further apart in event time than
 * the generators do, so that a small input spans several windows.
 */
class WeirPipelinesTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final int PARTITIONS = 2;
    /** The generated event times lie in 2023: time-based retention would delete them at its next check. */
    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    @TempDir
    Path stateDir;

    @Test
    void passthroughCopiesEveryRecordWithItsTimestamp() throws IOException {
        Verdict verdict = run(ComparedWorkload.PASSTHROUGH, 5_000, UnaryOperator.identity());
        assertThat(verdict.expected()).isEqualTo(5_000);
    }

    @Test
    void windowCountEmitsEveryFinalWindowOnce() throws IOException {
        // 10 ms apart: 3,000 records span 30 s, three windows, the first two final.
        long[] index = {0};
        Verdict verdict = run(ComparedWorkload.WINDOW_COUNT, 3_000,
                r -> new InputRecord(r.key(), r.value(), r.timestamp() / 1_000 * 1_000 + 10 * index[0]++));
        assertThat(verdict.expected()).isGreaterThan(1_000);
    }

    @Test
    void fraudRaisesTheAlertsTheRulesDemand() throws IOException {
        Verdict verdict = run(ComparedWorkload.FRAUD, 20_000, UnaryOperator.identity());
        assertThat(verdict.expected()).isGreaterThan(40);
    }

    @Test
    void nexmarkQuery5EmitsTheHottestAuctionsOfEveryFinalWindow() throws IOException {
        Verdict verdict = run(ComparedWorkload.NEXMARK_Q5, 15_000, restampedTwoMillisApart());
        assertThat(verdict.expected()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void nexmarkQuery7EmitsTheHighestBidsOfEveryFinalWindow() throws IOException {
        Verdict verdict = run(ComparedWorkload.NEXMARK_Q7, 15_000, restampedTwoMillisApart());
        assertThat(verdict.expected()).isGreaterThanOrEqualTo(2);
    }

    /** 500 events per second instead of 10,000: 15,000 events span 30 s. */
    private static UnaryOperator<InputRecord> restampedTwoMillisApart() {
        long[] index = {0};
        return r -> new InputRecord(r.key(), r.value(), 1_700_000_000_000L + 2 * index[0]++);
    }

    private Verdict run(ComparedWorkload workload, int records, UnaryOperator<InputRecord> restamp) throws IOException {
        String app = "it-" + workload.label();
        String input = app + "-in";
        String output = app + "-out";
        KAFKA.createTopic(input, PARTITIONS, KEEP_FOREVER);
        KAFKA.createTopic(output, PARTITIONS, KEEP_FOREVER);
        BrokerTopics topics = new BrokerTopics(KAFKA.bootstrapServers());
        topics.load(input, workload.input().generator(), records, restamp);
        RunnerArguments arguments = new RunnerArguments(workload, KAFKA.bootstrapServers(), input, output, app,
                Files.createDirectories(stateDir.resolve(app)), 100, 1);
        try (WeirRuntime runtime = new WeirRuntime(WeirPipelines.of(workload, input, output),
                WeirRunner.config(arguments));
             GroupCompletion completion = new GroupCompletion(KAFKA.bootstrapServers())) {
            runtime.start();
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> runtime.state() == WeirRuntime.State.FAILED || completion.finished(app, input));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(app + " did not consume everything; behind: " + completion.behind(), e);
            }
            assertThat(runtime.state()).isEqualTo(WeirRuntime.State.RUNNING);
        }
        List<ConsumerRecord<String, String>> in = topics.readAll(input);
        List<ConsumerRecord<String, String>> out = topics.readAll(output);
        Verdict verdict = workload.verify(in, out);
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();
        return verdict;
    }
}
