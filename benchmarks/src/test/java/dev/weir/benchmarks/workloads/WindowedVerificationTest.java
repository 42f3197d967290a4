package dev.weir.benchmarks.workloads;

import static dev.weir.benchmarks.workloads.Records.out;
import static dev.weir.benchmarks.workloads.Records.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class WindowedVerificationTest {

    private static final long W0 = 1_700_000_000_000L;
    private static final long W1 = W0 + 10_000;
    private static final long W2 = W0 + 20_000;

    /** Keys a and b in window 0, a in window 1; partition 0 reaches W1 + 1,000 (window 0 final), partition 1 further. */
    private static List<ConsumerRecord<String, String>> countInput() {
        return List.of(
                record(0, 0, "a", "0:x", W0),
                record(0, 1, "a", "1:x", W0 + 9_999),
                record(1, 0, "b", "2:x", W0 + 5),
                record(0, 2, "a", "3:x", W1 + 1_000),
                record(1, 1, "b", "4:x", W2 + 5_000));
    }

    @Test
    void windowCountRequiresFinalWindowsAndAcceptsALaterOneWhenRightOrAbsent() {
        List<ConsumerRecord<String, String>> finalOnly = List.of(out("a", W0 + ":2", 0), out("b", W0 + ":1", 0));
        Verdict verdict = ComparedWorkload.WINDOW_COUNT.verify(countInput(), finalOnly);
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();
        assertThat(verdict.expected()).isEqualTo(2);

        List<ConsumerRecord<String, String>> withLater = new ArrayList<>(finalOnly);
        withLater.add(out("a", W1 + ":1", 0));
        assertThat(ComparedWorkload.WINDOW_COUNT.verify(countInput(), withLater).ok()).isTrue();

        List<ConsumerRecord<String, String>> laterWrong = new ArrayList<>(finalOnly);
        laterWrong.add(out("a", W1 + ":2", 0));
        Verdict wrong = ComparedWorkload.WINDOW_COUNT.verify(countInput(), laterWrong);
        assertThat(wrong.wrong()).isEqualTo(1);
        assertThat(wrong.missing()).isEqualTo(1);

        Verdict dropped = ComparedWorkload.WINDOW_COUNT.verify(countInput(), finalOnly.subList(0, 1));
        assertThat(dropped.missing()).isEqualTo(1);

        List<ConsumerRecord<String, String>> twice = new ArrayList<>(finalOnly);
        twice.add(out("b", W0 + ":1", 0));
        assertThat(ComparedWorkload.WINDOW_COUNT.verify(countInput(), twice).duplicated()).isEqualTo(1);

        assertThat(ComparedWorkload.WINDOW_COUNT.verify(countInput(), List.of(out("a", "garbage", 0))).wrong())
                .isEqualTo(1);
    }

    private static ConsumerRecord<String, String> bid(int partition, long offset, long auction, long bidder, long price,
                                                      long ts) {
        return record(partition, offset, null, "B," + auction + "," + bidder + "," + price + ",Apple,https://x/y," + ts
                + ",zz", ts);
    }

    @Test
    void hotItemsExpectsEveryTiedAuctionOfEachSlidingWindow() {
        List<ConsumerRecord<String, String>> input = List.of(
                bid(0, 0, 1, 9, 5, W0 + 1_000),
                bid(0, 1, 2, 9, 5, W0 + 2_500),
                record(0, 2, null, "P,1000,Ada Archer,a@b.com,1 2 3 4,Boise,ID," + (W0 + 3_000) + ",x", W0 + 3_000),
                bid(0, 3, 2, 9, 5, W0 + 3_000),
                bid(0, 4, 1, 9, 5, W0 + 13_000),
                // Partition 1 holds the watermark back: windows ending up to W0 + 12,000 are final.
                bid(1, 0, 3, 9, 5, W0 + 13_000));
        // [W0 - 8,000, W0 + 2,000): auction 1 once. [W0 - 6,000, W0 + 4,000) … [W0, W0 + 10,000): 1 once, 2 twice.
        List<ConsumerRecord<String, String>> output = new ArrayList<>();
        output.add(out(Long.toString(W0 - 8_000), (W0 - 8_000) + ":1:1", 0));
        for (long start = W0 - 6_000; start <= W0; start += 2_000) {
            output.add(out(Long.toString(start), start + ":2:2", 0));
        }
        // [W0 + 2,000, W0 + 12,000): auction 2 twice. Windows from W0 + 4,000 on are not final.
        output.add(out(Long.toString(W0 + 2_000), (W0 + 2_000) + ":2:2", 0));
        Verdict verdict = ComparedWorkload.NEXMARK_Q5.verify(input, output);
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();

        // A later window, where auctions 1 and 3 tie, must list both if it is there at all.
        List<ConsumerRecord<String, String>> partial = new ArrayList<>(output);
        partial.add(out(Long.toString(W0 + 4_000), (W0 + 4_000) + ":1:1", 0));
        Verdict incomplete = ComparedWorkload.NEXMARK_Q5.verify(input, partial);
        assertThat(incomplete.missing()).isEqualTo(1);

        assertThat(ComparedWorkload.NEXMARK_Q5.verify(input, output.subList(1, output.size())).missing()).isEqualTo(1);
    }

    @Test
    void highestBidExpectsEveryBidAtTheTopPriceOfEachTumblingWindow() {
        List<ConsumerRecord<String, String>> input = List.of(
                bid(0, 0, 1, 7, 500, W0 + 1),
                bid(1, 0, 2, 8, 900, W0 + 2),
                bid(0, 1, 3, 9, 900, W0 + 3),
                bid(0, 2, 3, 9, 100, W1 + 1_500),
                bid(1, 1, 3, 9, 100, W1 + 1_000));
        List<ConsumerRecord<String, String>> output = List.of(
                out(Long.toString(W0), W0 + ":2:8:900", 0),
                out(Long.toString(W0), W0 + ":3:9:900", 0));
        Verdict verdict = ComparedWorkload.NEXMARK_Q7.verify(input, output);
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();
        assertThat(verdict.expected()).isEqualTo(2);

        Verdict oneTie = ComparedWorkload.NEXMARK_Q7.verify(input, output.subList(0, 1));
        assertThat(oneTie.missing()).isEqualTo(1);
        Verdict notHighest = ComparedWorkload.NEXMARK_Q7.verify(input,
                List.of(output.get(0), output.get(1), out(Long.toString(W0), W0 + ":1:7:500", 0)));
        assertThat(notHighest.wrong()).isEqualTo(1);
    }

    @Test
    void aRecordLaterThanTheBoundIsNotedInTheVerdict() {
        List<ConsumerRecord<String, String>> input = List.of(
                record(0, 0, "a", "0:x", W0 + 5_000),
                record(0, 1, "a", "1:x", W0 + 3_000));
        Verdict verdict = ComparedWorkload.WINDOW_COUNT.verify(input, List.of());
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.examples()).anySatisfy(e -> assertThat(e).contains("behind their partition"));
    }
}
