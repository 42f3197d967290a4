package dev.weir.chaos;

import java.util.Random;

/**
 * The size of one chaos run, read from system properties so that a Maven profile can scale it:
 * {@code chaos.records}, {@code chaos.kills}, {@code chaos.poison}, {@code chaos.rate} (input
 * records per second), {@code chaos.keys} and {@code chaos.seed}. Without properties it is the
 * reduced run that every build executes.
 *
 * @param records       input records to write, poison ones included
 * @param kills         instances to SIGKILL (each is restarted)
 * @param poisonRecords records in the poison storm
 * @param ratePerSecond how fast the input is written
 * @param keys          distinct keys of the input
 * @param seed          seeds every random choice of the run
 */
record ChaosPlan(int records, int kills, int poisonRecords, int ratePerSecond, int keys, long seed) {

    /** Input partitions, and so tasks: two per instance while all three run. */
    static final int PARTITIONS = 6;
    /** Weir instances running the pipeline. */
    static final int INSTANCES = 3;

    ChaosPlan {
        if (records <= 0 || kills < 0 || poisonRecords < 0 || ratePerSecond <= 0 || keys <= 0) {
            throw new IllegalArgumentException("a chaos plan needs positive sizes: " + describe(records, kills,
                    poisonRecords, ratePerSecond, keys, seed));
        }
        if (poisonRecords * (long) ChaosInput.POISON_STRIDE > records / 2) {
            throw new IllegalArgumentException("the poison storm of " + poisonRecords
                    + " records does not fit into half of " + records + " records");
        }
    }

    /** The plan the system properties describe; a missing or blank seed is drawn at random. */
    static ChaosPlan fromSystemProperties() {
        String seed = System.getProperty("chaos.seed", "").trim();
        return new ChaosPlan(
                intProperty("chaos.records", 200_000),
                intProperty("chaos.kills", 4),
                intProperty("chaos.poison", 100),
                intProperty("chaos.rate", 2_500),
                intProperty("chaos.keys", 2_000),
                seed.isEmpty() ? new Random().nextLong() : Long.parseLong(seed));
    }

    @Override
    public String toString() {
        return describe(records, kills, poisonRecords, ratePerSecond, keys, seed);
    }

    private static String describe(int records, int kills, int poison, int rate, int keys, long seed) {
        return "records=" + records + " kills=" + kills + " poison=" + poison + " rate=" + rate + "/s keys=" + keys
                + " seed=" + seed;
    }

    private static int intProperty(String name, int fallback) {
        String value = System.getProperty(name, "").trim();
        return value.isEmpty() ? fallback : Integer.parseInt(value.replace("_", ""));
    }
}
