package dev.weir.benchmarks.flink;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Small inputs for the workloads, in the shapes of the benchmark spec, spanning well over 30 s of event
 * time with records up to half a second out of order (inside the 1 s bound).
 */
final class TestInputs {

    /**
     * Two minutes ago, on a window boundary. Not a fixed date: the broker's time-based retention (7 days)
     * would delete records that old within minutes of writing them.
     */
    static final long START = System.currentTimeMillis() / 10_000 * 10_000 - 120_000;
    private static final long MAX_DISORDER_MILLIS = 500;

    private TestInputs() {
    }

    /** "keyed": {@code key-NNNNN} keys, values {@code <index>:xxx…} of 50 bytes, 20 ms apart. */
    static List<TopicRecord> keyed(int count, int keys, long seed) {
        Random random = new Random(seed);
        List<TopicRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = String.format("key-%05d", random.nextInt(keys));
            String prefix = i + ":";
            String value = prefix + "x".repeat(50 - prefix.length());
            records.add(new TopicRecord(key, value, START + i * 20L + jitter(random)));
        }
        return records;
    }

    /**
     * "transactions": per account, bursts of a few transactions seconds apart with pauses of 30-90 s
     * between bursts, so both rules fire and also stay quiet; amounts small, ordinary or large.
     */
    static List<TopicRecord> transactions(int accounts, int perAccount, long seed) {
        Random random = new Random(seed);
        List<TopicRecord> records = new ArrayList<>();
        int id = 0;
        for (int a = 0; a < accounts; a++) {
            String account = String.format("acct-%04d", a);
            long time = START + random.nextInt(5_000);
            int leftInBurst = 0;
            for (int n = 0; n < perAccount; n++) {
                if (leftInBurst == 0) {
                    time += 30_000 + random.nextInt(60_000);
                    leftInBurst = 3 + random.nextInt(6);
                } else {
                    time += 500 + random.nextInt(8_000);
                }
                leftInBurst--;
                String amount = amount(random).toPlainString();
                String json = "{\"id\":\"t-" + id++ + "\",\"accountId\":\"" + account + "\",\"amount\":" + amount
                        + ",\"timestamp\":" + time + "}";
                records.add(new TopicRecord(account, json, time));
            }
        }
        // Written in time order, as a live feed would be; an account's own order is unchanged.
        records.sort(Comparator.comparingLong(TopicRecord::timestamp));
        return records;
    }

    /**
     * "nexmark": persons, auctions and bids about 1:3:46 over 12 auctions and 20 prices, so that windows
     * have ties.
     *
     * @param count      events
     * @param spacing    milliseconds between events, before jitter
     * @param hotAuction whether low auction ids get most bids, as in Nexmark, or all alike (more ties in counts)
     * @param seed       the random seed
     */
    static List<TopicRecord> nexmark(int count, long spacing, boolean hotAuction, long seed) {
        Random random = new Random(seed);
        List<TopicRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long time = START + i * spacing + jitter(random);
            int kind = i % 50;
            String csv;
            if (kind == 0) {
                csv = "P," + i + ",name" + i + ",p" + i + "@example.com,4444 5555,Portland,OR," + time + ",extra";
            } else if (kind <= 3) {
                csv = "A," + i + ",item" + i + ",description," + (100 + random.nextInt(100)) + ",1000," + time + ","
                        + (time + 60_000) + ",7,10,extra";
            } else {
                int auction = 1000 + (hotAuction ? Math.min(random.nextInt(12), random.nextInt(12)) : random.nextInt(12));
                int bidder = 2000 + random.nextInt(30);
                long price = 100L * (1 + random.nextInt(20));
                csv = "B," + auction + "," + bidder + "," + price + ",Google,https://www.nexmark.com/item," + time
                        + ",extra";
            }
            records.add(new TopicRecord(null, csv, time));
        }
        return records;
    }

    private static BigDecimal amount(Random random) {
        int kind = random.nextInt(10);
        double amount;
        if (kind < 3) {
            amount = 0.01 + random.nextDouble() * 0.98;
        } else if (kind < 5) {
            amount = 500.01 + random.nextDouble() * 1500;
        } else {
            amount = 1 + random.nextDouble() * 498;
        }
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static long jitter(Random random) {
        return random.nextInt((int) MAX_DISORDER_MILLIS + 1);
    }
}
