package dev.weir.sample.fraud;

import java.time.Instant;
import java.util.Locale;

import dev.weir.functions.AggregateFunction;
import dev.weir.functions.Collector;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.spring.annotation.WeirWindow;
import dev.weir.state.ValueState;
import dev.weir.windowing.TimeWindow;

/**
 * Rule 2, velocity: more than {@code fraud.rules.velocity-max-transactions} transactions on one
 * account within a sliding event-time window of {@code fraud.rules.velocity-window}, starting every
 * {@code fraud.rules.velocity-window-slide}, is an alert.
 *
 * <p>Each window counts its transactions as they arrive (the rule is its own aggregate function),
 * so state holds a count per account and window, not the transactions. A burst falls into several
 * overlapping windows; the account's state remembers the window of its last alert, and a window
 * that overlaps it raises none, so one burst is one alert. A window closes when the watermark of
 * the transactions passes its end: the alert comes within a slide, plus the transactions'
 * out-of-orderness, of the burst.
 */
@WeirOperator(uid = VelocityRule.UID, input = "${fraud.topics.transactions:transactions}",
        output = "${fraud.topics.alerts:fraud-alerts}")
@WeirWindow(size = "${fraud.rules.velocity-window:1m}", slide = "${fraud.rules.velocity-window-slide:10s}")
public class VelocityRule extends ProcessWindowFunction<VelocityRule.Count, KeyValue<String, FraudAlert>, String, TimeWindow>
        implements AggregateFunction<Transaction, VelocityRule.Count, VelocityRule.Count> {

    /** The operator's uid, which its state is queried by. */
    public static final String UID = "velocity";

    /** The state holding the window of the account's last velocity alert. */
    public static final String LAST_ALERT = "last-alert";

    /**
     * The transactions of one account in one window, so far.
     *
     * @param transactions how many
     * @param overLimitId the transaction that went over the limit, {@code null} while none did
     */
    public record Count(long transactions, String overLimitId) {
    }

    /**
     * The window an alert was raised for.
     *
     * @param start its start, epoch milliseconds
     * @param end its end, exclusive
     * @param transactions how many transactions it held
     */
    public record AlertedWindow(long start, long end, long transactions) {
    }

    private final int maxTransactions;

    @WeirState(value = LAST_ALERT, ttl = "${fraud.rules.velocity-state-ttl:2m}")
    ValueState<AlertedWindow> lastAlert;

    /** The rule with the limit and windows of {@code properties}. */
    public VelocityRule(FraudProperties properties) {
        FraudProperties.Rules rules = properties.getRules();
        if (rules.getVelocityStateTtl().compareTo(rules.getVelocityWindow()) < 0) {
            throw new IllegalStateException("fraud.rules.velocity-state-ttl (" + rules.getVelocityStateTtl()
                    + ") must be at least fraud.rules.velocity-window (" + rules.getVelocityWindow()
                    + "), or a burst's later windows would no longer know it was reported");
        }
        if (rules.getVelocityWindowSlide().compareTo(rules.getVelocityWindow()) > 0) {
            throw new IllegalStateException("fraud.rules.velocity-window-slide (" + rules.getVelocityWindowSlide()
                    + ") must be at most fraud.rules.velocity-window (" + rules.getVelocityWindow()
                    + "), or bursts between two windows would go unseen");
        }
        this.maxTransactions = rules.getVelocityMaxTransactions();
    }

    @Override
    public Count createAccumulator() {
        return new Count(0, null);
    }

    @Override
    public Count add(Transaction transaction, Count count) {
        long transactions = count.transactions() + 1;
        return new Count(transactions, transactions == maxTransactions + 1L ? transaction.id() : count.overLimitId());
    }

    @Override
    public Count getResult(Count count) {
        return count;
    }

    @Override
    public Count merge(Count a, Count b) {
        return new Count(a.transactions() + b.transactions(), a.overLimitId() != null ? a.overLimitId() : b.overLimitId());
    }

    @Override
    public void process(String accountId, Context<TimeWindow> context, Iterable<Count> counts,
                        Collector<KeyValue<String, FraudAlert>> out) {
        Count count = counts.iterator().next();
        TimeWindow window = context.window();
        AlertedWindow last = lastAlert.value();
        if (count.transactions() <= maxTransactions || (last != null && window.start() < last.end())) {
            return;
        }
        lastAlert.update(new AlertedWindow(window.start(), window.end(), count.transactions()));
        out.collect(KeyValue.of(accountId, new FraudAlert(accountId, FraudAlert.VELOCITY, count.overLimitId(),
                String.format(Locale.ROOT, "%d transactions between %s and %s, more than %d", count.transactions(),
                        Instant.ofEpochMilli(window.start()), Instant.ofEpochMilli(window.end()), maxTransactions))));
    }
}
