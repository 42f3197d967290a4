package dev.weir.benchmarks.workloads;

import java.util.SplittableRandom;

/**
 * The keyed input of the passthrough and window-count workloads, as the throughput benchmark's
 * input: record {@code i} has a key drawn uniformly (seeded) from {@value #KEYS} keys
 * {@code key-0000} … {@code key-9999}, the value {@code <i>:xxx…} of {@value #VALUE_BYTES} ASCII
 * bytes, and the event time {@code 1_700_000_000_000 + i / 50}: {@value #RECORDS_PER_MILLI}
 * records per millisecond, so 500,000 records per 10 s window.
 */
public final class KeyedInputGenerator implements InputGenerator {

    /** The seed of the throughput benchmark's input, so both benchmarks load the same keys. */
    public static final long DEFAULT_SEED = 20_240_601L;
    /** Distinct keys. */
    public static final int KEYS = 10_000;
    /** Bytes of every value. */
    public static final int VALUE_BYTES = 50;
    /** Event time of record 0. */
    public static final long EPOCH = 1_700_000_000_000L;
    /** Records per millisecond of event time. */
    public static final int RECORDS_PER_MILLI = 50;

    private static final String[] KEY_NAMES = keyNames(KEYS);
    private static final String FILLER = "x".repeat(VALUE_BYTES);

    private final SplittableRandom random;
    private long index;

    /** The generator with {@link #DEFAULT_SEED}. */
    public KeyedInputGenerator() {
        this(DEFAULT_SEED);
    }

    /** A generator whose key sequence follows {@code seed}. */
    public KeyedInputGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public InputKind kind() {
        return InputKind.KEYED;
    }

    @Override
    public InputRecord next() {
        long i = index++;
        String key = KEY_NAMES[random.nextInt(KEYS)];
        return new InputRecord(key, valueOf(i), EPOCH + i / RECORDS_PER_MILLI);
    }

    /** The value of record {@code index}: {@code <index>:} padded with {@code x} to {@value #VALUE_BYTES} bytes. */
    static String valueOf(long index) {
        String prefix = Long.toString(index);
        return prefix.length() >= VALUE_BYTES ? prefix
                : prefix + ':' + FILLER.substring(Math.min(VALUE_BYTES, prefix.length() + 1));
    }

    private static String[] keyNames(int count) {
        int digits = Integer.toString(count - 1).length();
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            String n = Integer.toString(i);
            names[i] = "key-" + "0".repeat(digits - n.length()) + n;
        }
        return names;
    }
}
