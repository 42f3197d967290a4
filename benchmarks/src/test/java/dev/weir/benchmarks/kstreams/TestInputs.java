package dev.weir.benchmarks.kstreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small inputs of the benchmark's shapes, spanning well over 30 s of event time, made to hit the
 * cases the workloads must get right: out-of-order records within the grace period, fraud
 * patterns on both sides of each rule's limit, and ties for the Nexmark maxima.
 */
final class TestInputs {

    /**
     * A minute ago, rounded down to a multiple of every window size. Event time must be recent:
     * the broker deletes records older than a topic's retention (7 days by default, and a day
     * beyond the window for Kafka Streams' window-store changelogs), and once it has deleted a
     * changelog's segments, the producer writing to it is fenced and the restored store misses
     * the deleted updates.
     */
    static final long T0 = (System.currentTimeMillis() - 60_000) / 10_000 * 10_000;

    private TestInputs() {
    }

    /**
     * Keyed records {@code key-NNNNN} → {@code <index>:xxxx}, 13 ms apart on average, each up to
     * 400 ms early or late, partitioned by key.
     */
    static List<TimedRecord> keyed(int records, int keys, long seed) {
        Random random = new Random(seed);
        List<TimedRecord> input = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            String key = String.format("key-%05d", random.nextInt(keys));
            long timestamp = T0 + i * 13L + random.nextInt(801) - 400;
            input.add(new TimedRecord(-1, key, i + ":" + "x".repeat(40), timestamp));
        }
        return input;
    }

    /**
     * Transactions of a few accounts at random gaps (mean 8 s) over ten minutes: small (under $1),
     * large (over $500) and ordinary amounts; plus one account whose sixth transaction within a
     * minute is a large one after a small one, which raises both alerts at once.
     */
    static List<TimedRecord> transactions(int accounts, int perAccount, long seed) {
        Random random = new Random(seed);
        List<TimedRecord> input = new ArrayList<>();
        int id = 0;
        for (int account = 0; account < accounts; account++) {
            String accountId = String.format("acct-%05d", account);
            long time = T0 + random.nextInt(10_000);
            for (int n = 0; n < perAccount; n++) {
                time += 500 + (long) (-Math.log(1 - random.nextDouble()) * 8_000);
                double draw = random.nextDouble();
                long cents = draw < 0.15 ? 1 + random.nextInt(99)
                        : draw < 0.27 ? 50_001 + random.nextInt(40_000)
                        : 100 + random.nextInt(49_900);
                input.add(transaction("t-" + id++, accountId, cents, time));
            }
        }
        long time = T0 + 5_000;
        long[] both = {2_000, 3_000, 4_000, 5_000, 99, 70_000};
        for (long cents : both) {
            input.add(transaction("t-" + id++, "acct-both", cents, time));
            time += 7_000;
        }
        input.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return input;
    }

    private static TimedRecord transaction(String id, String account, long cents, long time) {
        String json = "{\"id\":\"" + id + "\",\"accountId\":\"" + account + "\",\"amount\":" + cents / 100.0
                + ",\"timestamp\":" + time + "}";
        return new TimedRecord(-1, account, json, time);
    }

    /**
     * Nexmark events without keys, 10 ms apart, in order, written to the partitions in runs of 1
     * to 20 events (as a sticky partitioner would). One in ten is a person or an auction. Two
     * thirds of the bids go to auctions 1 and 2 in turn, so that they often tie for the highest
     * count, the rest to auctions 3 to 40; prices are multiples of $1 up to $10, so that the
     * highest price often has several bids.
     */
    static List<TimedRecord> nexmark(long durationMs, int partitions, long seed) {
        Random random = new Random(seed);
        List<TimedRecord> input = new ArrayList<>();
        int partition = 0;
        int run = 0;
        int hot = 0;
        for (long time = T0; time < T0 + durationMs; time += 10) {
            if (run == 0) {
                partition = (partition + 1) % partitions;
                run = 1 + random.nextInt(20);
            }
            run--;
            String value;
            if (random.nextInt(10) == 0) {
                value = random.nextBoolean()
                        ? "P," + time + ",name,mail,card,city,state," + time + ",extra"
                        : "A," + time + ",item,desc,100,200," + time + "," + (time + 60_000) + ",7,10,extra";
            } else {
                long auction = random.nextInt(3) < 2 ? 1 + hot++ % 2 : 3 + random.nextInt(38);
                long bidder = 1 + random.nextInt(50);
                long price = 100L * (1 + random.nextInt(10));
                value = "B," + auction + "," + bidder + "," + price + ",web,https://x," + time + ",extra";
            }
            input.add(new TimedRecord(partition, null, value, time));
        }
        return input;
    }
}
