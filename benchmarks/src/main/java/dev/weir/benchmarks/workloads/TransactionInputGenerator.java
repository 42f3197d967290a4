package dev.weir.benchmarks.workloads;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The transactions of the fraud workload: record {@code i} happens at
 * {@code 1_700_000_000_000 + i} ms (one transaction per millisecond of event time), keyed by its
 * account, with the JSON value of {@link Transaction}.
 *
 * <p><b>Ordinary traffic</b>: an account drawn uniformly from {@value #ACCOUNTS}
 * ({@code acct-00000} … {@code acct-99999}), an amount between $1.00 and $499.99. An account then
 * sees on average 0.6 transactions per 60 s, so the velocity rule (more than 5 within 60 s) fires
 * on about 0.04 % of ordinary transactions (a Poisson tail), and the small-then-large rule never.
 *
 * <p><b>Injected patterns</b>: every {@value #PATTERN_EVERY} records a pattern starts on a random
 * account, the four kinds in turn; its transactions take the place of ordinary ones at their
 * due record index (or the next free one):
 * <ul>
 *   <li>small then large: $0.50, then $750.00 2 s later: a {@code small-then-large} alert;</li>
 *   <li>burst: 6 ordinary amounts 1 s apart: a {@code velocity} alert on the 6th;</li>
 *   <li>small then medium: $0.50, then $300.00 2 s later: no alert;</li>
 *   <li>small then large too late: $0.50, then $750.00 61 s later: no alert.</li>
 * </ul>
 * That is one alert per 400 records from patterns, so alerts are about 0.3 % of records in all;
 * an ordinary transaction of the same account in between can change a pattern's outcome, which
 * is fine: the verifier computes the alerts from the records as loaded.
 */
public final class TransactionInputGenerator implements InputGenerator {

    /** The default seed. */
    public static final long DEFAULT_SEED = 20_261_130L;
    /** Event time of record 0. */
    public static final long EPOCH = 1_700_000_000_000L;
    /** Accounts of ordinary traffic. */
    public static final int ACCOUNTS = 100_000;
    /** Records between the starts of two injected patterns. */
    public static final int PATTERN_EVERY = 200;

    private static final long SMALL_CENTS = 50;
    private static final long LARGE_CENTS = 75_000;
    private static final long MEDIUM_CENTS = 30_000;
    private static final int BURST = 6;

    private record Due(long index, long sequence, String account, long cents) {
    }

    private final SplittableRandom random;
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.index != b.index
            ? Long.compare(a.index, b.index) : Long.compare(a.sequence, b.sequence));
    private long index;
    private long sequence;
    private long patternsStarted;

    /** The generator with {@link #DEFAULT_SEED}. */
    public TransactionInputGenerator() {
        this(DEFAULT_SEED);
    }

    /** A generator whose accounts and amounts follow {@code seed}. */
    public TransactionInputGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public InputKind kind() {
        return InputKind.TRANSACTIONS;
    }

    @Override
    public InputRecord next() {
        long i = index++;
        if (i % PATTERN_EVERY == 0) {
            schedule(i);
        }
        String account;
        long cents;
        if (!due.isEmpty() && due.peek().index <= i) {
            Due d = due.poll();
            account = d.account;
            cents = d.cents;
        } else {
            account = account(random.nextInt(ACCOUNTS));
            cents = ordinaryCents();
        }
        long timestamp = EPOCH + i;
        Transaction transaction = new Transaction("t-" + i, account, cents / 100.0, timestamp);
        return new InputRecord(account, transaction.toJson(), timestamp);
    }

    private void schedule(long start) {
        String account = account(random.nextInt(ACCOUNTS));
        switch ((int) (patternsStarted++ % 4)) {
            case 0:
                at(start, account, SMALL_CENTS);
                at(start + 2_000, account, LARGE_CENTS);
                break;
            case 1:
                for (int k = 0; k < BURST; k++) {
                    at(start + 1_000L * k, account, ordinaryCents());
                }
                break;
            case 2:
                at(start, account, SMALL_CENTS);
                at(start + 2_000, account, MEDIUM_CENTS);
                break;
            default:
                at(start, account, SMALL_CENTS);
                at(start + 61_000, account, LARGE_CENTS);
                break;
        }
    }

    private void at(long recordIndex, String account, long cents) {
        due.add(new Due(recordIndex, sequence++, account, cents));
    }

    /** $1.00 to $499.99: neither small nor large. */
    private long ordinaryCents() {
        return 100 + random.nextInt(49_900);
    }

    private static String account(int n) {
        String digits = Integer.toString(n);
        return "acct-" + "0".repeat(5 - digits.length()) + digits;
    }
}
