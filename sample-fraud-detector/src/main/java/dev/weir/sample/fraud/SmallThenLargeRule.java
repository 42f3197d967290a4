package dev.weir.sample.fraud;

import java.util.Locale;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.state.ValueState;

/**
 * Rule 1, Flink's fraud-detection walkthrough: a transaction under $1.00 followed, on the same
 * account and within a minute, by one over $500.00 is an alert. A thief tests a stolen card with
 * a tiny purchase before the big one.
 *
 * <p>The small transaction waits in keyed state. Whether the large transaction is within the
 * window is decided on the transactions' own timestamps, so that a replay after a failure, or
 * processing that lags behind, decides the same way. A processing-time timer drops the small
 * transaction once the window and {@code fraud.rules.small-then-large-grace} have passed, so that
 * idle accounts keep no state.
 */
@WeirOperator(uid = SmallThenLargeRule.UID, input = "${fraud.topics.transactions:transactions}",
        output = "${fraud.topics.alerts:fraud-alerts}")
public class SmallThenLargeRule extends KeyedProcessFunction<String, Transaction, KeyValue<String, FraudAlert>> {

    /** The operator's uid, which its state is queried by. */
    public static final String UID = "small-then-large";

    /** The state holding the last small transaction of an account, while it can still count. */
    public static final String PENDING_SMALL = "pending-small";

    private final double smallAmount;
    private final double largeAmount;
    private final long windowMillis;
    private final long keepMillis;

    @WeirState(PENDING_SMALL)
    ValueState<Transaction> pendingSmall;

    @WeirState("clean-up-timer")
    ValueState<Long> cleanUpTimer;

    /** The rule with the thresholds and window of {@code properties}. */
    public SmallThenLargeRule(FraudProperties properties) {
        this.smallAmount = properties.getRules().getSmallAmount();
        this.largeAmount = properties.getRules().getLargeAmount();
        this.windowMillis = properties.getRules().getSmallThenLargeWindow().toMillis();
        this.keepMillis = windowMillis + properties.getRules().getSmallThenLargeGrace().toMillis();
    }

    @Override
    public void processElement(Transaction transaction, Context<String> context,
                               Collector<KeyValue<String, FraudAlert>> out) {
        Transaction small = pendingSmall.value();
        if (small != null) {
            long gap = transaction.timestamp() - small.timestamp();
            if (transaction.amount() > largeAmount && gap <= windowMillis) {
                out.collect(KeyValue.of(transaction.accountId(), new FraudAlert(transaction.accountId(),
                        FraudAlert.SMALL_THEN_LARGE, transaction.id(), String.format(Locale.ROOT,
                        "$%.2f (%s) then $%.2f (%s) %d ms later", small.amount(), small.id(), transaction.amount(),
                        transaction.id(), gap))));
            }
            clear(context);
        }
        if (transaction.amount() < smallAmount) {
            pendingSmall.update(transaction);
            long fireAt = context.timerService().currentProcessingTime() + keepMillis;
            context.timerService().registerProcessingTimeTimer(fireAt);
            cleanUpTimer.update(fireAt);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> context, Collector<KeyValue<String, FraudAlert>> out) {
        pendingSmall.clear();
        cleanUpTimer.clear();
    }

    private void clear(Context<String> context) {
        Long timer = cleanUpTimer.value();
        if (timer != null) {
            context.timerService().deleteProcessingTimeTimer(timer);
        }
        pendingSmall.clear();
        cleanUpTimer.clear();
    }
}
