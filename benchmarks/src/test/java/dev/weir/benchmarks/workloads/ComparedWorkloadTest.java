package dev.weir.benchmarks.workloads;

import static dev.weir.benchmarks.workloads.Records.out;
import static dev.weir.benchmarks.workloads.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ComparedWorkloadTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void passthroughAcceptsTheInputAndRejectsADroppedDuplicatedAlteredOrRestampedRecord() {
        List<ConsumerRecord<String, String>> input = List.of(
                record(0, 0, "a", "1", T0), record(1, 0, "b", "2", T0 + 1), record(0, 1, "a", "3", T0 + 2));
        List<ConsumerRecord<String, String>> output = List.of(out("b", "2", T0 + 1), out("a", "1", T0), out("a", "3", T0 + 2));
        assertThat(ComparedWorkload.PASSTHROUGH.verify(input, output).ok()).isTrue();

        Verdict dropped = ComparedWorkload.PASSTHROUGH.verify(input, output.subList(0, 2));
        assertThat(dropped.missing()).isEqualTo(1);
        assertThat(dropped.summary()).startsWith("FAILED").contains("missing a → 3 @" + (T0 + 2));

        List<ConsumerRecord<String, String>> twice = new ArrayList<>(output);
        twice.add(out("a", "1", T0));
        assertThat(ComparedWorkload.PASSTHROUGH.verify(input, twice).duplicated()).isEqualTo(1);

        Verdict altered = ComparedWorkload.PASSTHROUGH.verify(input,
                List.of(out("b", "2", T0 + 1), out("a", "1", T0), out("a", "3!", T0 + 2)));
        assertThat(altered.wrong()).isEqualTo(1);
        assertThat(altered.missing()).isEqualTo(1);

        Verdict restamped = ComparedWorkload.PASSTHROUGH.verify(input,
                List.of(out("b", "2", T0 + 1), out("a", "1", T0), out("a", "3", T0 + 99)));
        assertThat(restamped.ok()).isFalse();
    }

    @Test
    void fraudExpectsEachRuleWhereItFiresAndNowhereElse() {
        List<ConsumerRecord<String, String>> input = new ArrayList<>();
        // Small, then large within 60 s: an alert; small, then large 60,001 ms later: none.
        tx(input, 0, "a", "a1", 0.5, T0);
        tx(input, 0, "a", "a2", 750.0, T0 + 1_000);
        tx(input, 0, "a", "a3", 0.5, T0 + 2_000);
        tx(input, 0, "a", "a4", 750.0, T0 + 62_001);
        // Small, medium, large: the medium one clears the pending small one.
        tx(input, 1, "c", "c1", 0.99, T0);
        tx(input, 1, "c", "c2", 300.0, T0 + 1_000);
        tx(input, 1, "c", "c3", 500.01, T0 + 2_000);
        // Six within 60 s: velocity on the sixth only, and not again while the count stays above 5.
        for (int i = 1; i <= 7; i++) {
            tx(input, 1, "b", "b" + i, 10.0, T0 + 1_000L * i);
        }
        tx(input, 1, "b", "b8", 10.0, T0 + 61_000);
        // Both rules on one transaction: the sixth within 60 s, large, after a pending small one.
        for (int i = 1; i <= 4; i++) {
            tx(input, 0, "d", "d" + i, 10.0, T0 + 100L * i);
        }
        tx(input, 0, "d", "d5", 0.5, T0 + 500);
        tx(input, 0, "d", "d6", 750.0, T0 + 600);

        List<ConsumerRecord<String, String>> alerts = List.of(
                out("a", "small-then-large:a2", T0 + 1_000),
                out("b", "velocity:b6", T0 + 6_000),
                out("d", "small-then-large:d6", T0 + 600),
                out("d", "velocity:d6", T0 + 600));
        Verdict verdict = ComparedWorkload.FRAUD.verify(input, alerts);
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();
        assertThat(verdict.expected()).isEqualTo(4);

        assertThat(ComparedWorkload.FRAUD.verify(input, alerts.subList(1, 4)).missing()).isEqualTo(1);
        List<ConsumerRecord<String, String>> extra = new ArrayList<>(alerts);
        extra.add(out("b", "velocity:b7", T0 + 7_000));
        assertThat(ComparedWorkload.FRAUD.verify(input, extra).wrong()).isEqualTo(1);
    }

    private static void tx(List<ConsumerRecord<String, String>> input, int partition, String account, String id,
                           double amount, long ts) {
        long offset = input.stream().filter(r -> r.partition() == partition).count();
        input.add(record(partition, offset, account, new Transaction(id, account, amount, ts).toJson(), ts));
    }

    @Test
    void dueTimeIsTheRecordTimestampOrTheWindowEndPlusTheBound() {
        assertThat(ComparedWorkload.FRAUD.dueTime(out("a", "velocity:t-1", 123))).isEqualTo(123);
        assertThat(ComparedWorkload.WINDOW_COUNT.dueTime(out("k", T0 + ":5", 7))).isEqualTo(T0 + 11_000);
        assertThat(ComparedWorkload.NEXMARK_Q5.dueTime(out("x", T0 + ":1001:3", 7))).isEqualTo(T0 + 11_000);
        assertThat(ComparedWorkload.NEXMARK_Q7.dueTime(out("x", T0 + ":1001:1002:99", 7))).isEqualTo(T0 + 11_000);
        assertThatThrownBy(() -> ComparedWorkload.NEXMARK_Q7.dueTime(out("x", "nonsense", 7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsParseBackToTheirWorkloads() {
        for (ComparedWorkload workload : ComparedWorkload.values()) {
            assertThat(ComparedWorkload.parse(workload.label())).isSameAs(workload);
        }
        assertThat(ComparedWorkload.NEXMARK_Q5.input()).isEqualTo(InputKind.NEXMARK);
        assertThatThrownBy(() -> ComparedWorkload.parse("q9")).isInstanceOf(IllegalArgumentException.class);
    }
}
