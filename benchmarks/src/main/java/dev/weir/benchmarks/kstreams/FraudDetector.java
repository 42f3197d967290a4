package dev.weir.benchmarks.kstreams;

import java.util.Arrays;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Both fraud rules for the transactions of the accounts of one task, on the record timestamps,
 * writing {@code <rule>:<transactionId>} keyed by account:
 * <ol>
 *   <li>small-then-large: a transaction over $500.00 within 60 s of the account's pending
 *       transaction under $1.00. Every transaction clears the pending one; one under $1.00 then
 *       becomes the pending one.</li>
 *   <li>velocity: the transaction that takes the account's transactions within the last 60 s
 *       (those stamped after its time − 60 s) from at most 5 to more than 5.</li>
 * </ol>
 * An account's state is its pending small transaction's time and its recent transaction times;
 * the latter are pruned on every transaction of the account, so no timer is needed.
 */
final class FraudDetector implements Processor<String, String, String, String> {

    static final String SMALL_THEN_LARGE = "small-then-large";
    static final String VELOCITY = "velocity";

    private static final double SMALL_BELOW = 1.00;
    private static final double LARGE_ABOVE = 500.00;
    private static final long SMALL_THEN_LARGE_WITHIN_MS = 60_000;
    private static final long VELOCITY_WINDOW_MS = 60_000;
    private static final int VELOCITY_LIMIT = 5;

    private final String pendingSmallStore;
    private final String recentStore;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> pendingSmall;
    private KeyValueStore<String, long[]> recent;

    /**
     * @param pendingSmallStore the store of each account's pending small transaction time
     * @param recentStore       the store of each account's recent transaction times
     */
    FraudDetector(String pendingSmallStore, String recentStore) {
        this.pendingSmallStore = pendingSmallStore;
        this.recentStore = recentStore;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.pendingSmall = context.getStateStore(pendingSmallStore);
        this.recent = context.getStateStore(recentStore);
    }

    @Override
    public void process(Record<String, String> record) {
        String account = record.key();
        TransactionFields transaction = TransactionFields.parse(record.value());
        long time = record.timestamp();
        checkSmallThenLarge(record, account, transaction, time);
        checkVelocity(record, account, transaction, time);
    }

    private void checkSmallThenLarge(Record<String, String> record, String account, TransactionFields transaction,
            long time) {
        Long smallTime = pendingSmall.get(account);
        if (smallTime != null && transaction.amount() > LARGE_ABOVE && time - smallTime <= SMALL_THEN_LARGE_WITHIN_MS) {
            alert(record, SMALL_THEN_LARGE, transaction);
        }
        if (transaction.amount() < SMALL_BELOW) {
            pendingSmall.put(account, time);
        } else if (smallTime != null) {
            pendingSmall.delete(account);
        }
    }

    private void checkVelocity(Record<String, String> record, String account, TransactionFields transaction,
            long time) {
        long[] before = recent.get(account);
        long[] kept = new long[before == null ? 1 : before.length + 1];
        int count = 0;
        if (before != null) {
            for (long earlier : before) {
                if (earlier > time - VELOCITY_WINDOW_MS) {
                    kept[count++] = earlier;
                }
            }
        }
        kept[count] = time;
        recent.put(account, Arrays.copyOf(kept, count + 1));
        if (count <= VELOCITY_LIMIT && count + 1 > VELOCITY_LIMIT) {
            alert(record, VELOCITY, transaction);
        }
    }

    /** The alert keeps the transaction record's timestamp, so it is due when the transaction came. */
    private void alert(Record<String, String> record, String rule, TransactionFields transaction) {
        context.forward(record.withValue(rule + ":" + transaction.id()));
    }
}
