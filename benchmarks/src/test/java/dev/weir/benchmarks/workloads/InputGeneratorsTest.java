package dev.weir.benchmarks.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class InputGeneratorsTest {

    @Test
    void everyKindRepeatsItselfForOneSeedAndNeverGoesBackInTime() {
        for (InputKind kind : InputKind.values()) {
            List<InputRecord> first = Records.generate(kind.generator(), 20_000);
            assertThat(Records.generate(kind.generator(), 20_000)).as(kind.name()).isEqualTo(first);
            assertThat(Records.generate(kind.generator(7), 20_000)).as(kind.name()).isNotEqualTo(first);
            for (int i = 1; i < first.size(); i++) {
                assertThat(first.get(i).timestamp()).as(kind + " record " + i)
                        .isGreaterThanOrEqualTo(first.get(i - 1).timestamp());
            }
        }
    }

    @Test
    void keyedInputIsTheThroughputBenchmarksInput() {
        List<InputRecord> records = Records.generate(new KeyedInputGenerator(), 1_000);
        SplittableRandom sameAsInputData = new SplittableRandom(KeyedInputGenerator.DEFAULT_SEED);
        for (int i = 0; i < records.size(); i++) {
            InputRecord r = records.get(i);
            assertThat(r.key()).isEqualTo(String.format("key-%04d", sameAsInputData.nextInt(10_000)));
            assertThat(r.value()).hasSize(50).startsWith(i + ":xx");
            assertThat(r.timestamp()).isEqualTo(1_700_000_000_000L + i / 50);
        }
    }

    @Test
    void transactionsAreKeyedByAccountAndAlertOnAFewPerMille() {
        List<InputRecord> generated = Records.generate(new TransactionInputGenerator(), 400_000);
        for (int i = 0; i < generated.size(); i += 997) {
            InputRecord r = generated.get(i);
            Transaction t = Transaction.fromJson(r.value());
            assertThat(t.accountId()).isEqualTo(r.key());
            assertThat(t.timestamp()).isEqualTo(r.timestamp()).isEqualTo(TransactionInputGenerator.EPOCH + i);
            assertThat(t.id()).isEqualTo("t-" + i);
        }
        List<ConsumerRecord<String, String>> topic = Records.asTopic(generated, 4);
        Verdict nothing = ComparedWorkload.FRAUD.verify(topic, List.of());
        double share = (double) nothing.expected() / generated.size();
        assertThat(share).isBetween(0.001, 0.01);

        Map<String, Integer> perRule = new HashMap<>();
        for (String example : alertsOf(topic)) {
            perRule.merge(example.substring(0, example.indexOf(':')), 1, Integer::sum);
        }
        // Patterns give one small-then-large and one velocity alert per 800 records; ordinary traffic adds velocity.
        assertThat(perRule.get("small-then-large")).isBetween(400, 500);
        assertThat(perRule.get("velocity")).isBetween(500, 1_000);
    }

    private static List<String> alertsOf(List<ConsumerRecord<String, String>> topic) {
        return ReferenceOutputs.fraud(topic).expectedValues();
    }

    @Test
    void nexmarkFollowsBeamsProportionsIdsAndTimes() {
        NexmarkGenerator generator = new NexmarkGenerator();
        Map<Character, Integer> kinds = new HashMap<>();
        Map<Character, Long> bytes = new HashMap<>();
        long previousPerson = NexmarkGenerator.FIRST_PERSON_ID - 1;
        long previousAuction = NexmarkGenerator.FIRST_AUCTION_ID - 1;
        for (int n = 0; n < 100_000; n++) {
            InputRecord r = generator.next();
            assertThat(r.key()).isNull();
            assertThat(r.timestamp()).isEqualTo(NexmarkGenerator.BASE_TIME + n / 10);
            char kind = r.value().charAt(0);
            kinds.merge(kind, 1, Integer::sum);
            bytes.merge(kind, (long) r.value().length(), Long::sum);
            String[] fields = r.value().split(",", -1);
            switch (kind) {
                case 'P':
                    assertThat(fields).hasSize(9);
                    assertThat(Long.parseLong(fields[1])).isEqualTo(previousPerson + 1);
                    previousPerson++;
                    assertThat(Long.parseLong(fields[7])).isEqualTo(r.timestamp());
                    break;
                case 'A':
                    assertThat(fields).hasSize(11);
                    assertThat(Long.parseLong(fields[1])).isEqualTo(previousAuction + 1);
                    previousAuction++;
                    assertThat(Long.parseLong(fields[7])).isGreaterThan(r.timestamp());
                    assertThat(Long.parseLong(fields[8])).isBetween(NexmarkGenerator.FIRST_PERSON_ID, previousPerson + 10);
                    break;
                default:
                    assertThat(kind).isEqualTo('B');
                    assertThat(fields).hasSize(8);
                    NexmarkBid bid = NexmarkBid.parse(r.value());
                    assertThat(bid.auction()).isBetween(previousAuction - NexmarkGenerator.IN_FLIGHT_AUCTIONS,
                            previousAuction + 10);
                    assertThat(bid.bidder()).isBetween(previousPerson - NexmarkGenerator.ACTIVE_PEOPLE,
                            previousPerson + 10);
                    assertThat(bid.price()).isBetween(100L, 100_000_000L);
                    assertThat(Long.parseLong(fields[6])).isEqualTo(r.timestamp());
                    break;
            }
        }
        assertThat(kinds).containsEntry('P', 2_000).containsEntry('A', 6_000).containsEntry('B', 92_000);
        assertThat(bytes.get('P') / 2_000.0).isCloseTo(NexmarkGenerator.PERSON_BYTES, within(10.0));
        assertThat(bytes.get('A') / 6_000.0).isCloseTo(NexmarkGenerator.AUCTION_BYTES, within(25.0));
        assertThat(bytes.get('B') / 92_000.0).isCloseTo(NexmarkGenerator.BID_BYTES, within(5.0));
    }

    @Test
    void halfTheBidsGoToTheHotAuctionAndThreeQuartersComeFromTheHotBidder() {
        NexmarkGenerator generator = new NexmarkGenerator();
        int bids = 0;
        int onHotAuction = 0;
        int byHotBidder = 0;
        Set<Long> hotAuctions = new HashSet<>();
        for (int n = 0; n < 200_000; n++) {
            InputRecord r = generator.next();
            if (!NexmarkBid.isBid(r.value())) {
                continue;
            }
            NexmarkBid bid = NexmarkBid.parse(r.value());
            bids++;
            long hot = NexmarkGenerator.hotAuction(n);
            hotAuctions.add(hot);
            if (bid.auction() == hot) {
                onHotAuction++;
            }
            long hotBidder = (n / 50) / 100 * 100 + 1 + NexmarkGenerator.FIRST_PERSON_ID;
            if (bid.bidder() == hotBidder) {
                byHotBidder++;
            }
        }
        // 1/2 always, plus the uniform draw over about 111 auctions landing on the hot one.
        assertThat((double) onHotAuction / bids).isBetween(0.49, 0.53);
        assertThat((double) byHotBidder / bids).isBetween(0.74, 0.77);
        // A new hot auction every 100 auctions: every 1,667 events.
        assertThat(hotAuctions).hasSizeBetween(119, 121);
    }
}
