package dev.weir.sample.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.state.ListState;

/**
 * Rule 2, velocity: more than {@code fraud.rules.velocity-max-transactions} transactions on one
 * account within a sliding {@code fraud.rules.velocity-window} is an alert, raised once when the
 * count goes over the limit, and again only after it has fallen back.
 *
 * <p>The account's recent transaction times are kept in keyed list state, pruned on each
 * transaction; a TTL of twice the window drops the list of an account that went quiet. Sliding
 * event-time windows could count the same, but a window reports only once the watermark passes
 * its end, a slide and the out-of-orderness bound after the burst; this rule flags the
 * transaction that goes over the limit the moment it arrives, which is what a fraud check wants.
 */
@WeirOperator(uid = VelocityRule.UID, input = "${fraud.topics.transactions:transactions}",
        output = "${fraud.topics.alerts:fraud-alerts}")
public class VelocityRule extends KeyedProcessFunction<String, Transaction, KeyValue<String, FraudAlert>> {

    /** The operator's uid, which its state is queried by. */
    public static final String UID = "velocity";

    /** The state holding the times of an account's transactions within the window. */
    public static final String RECENT = "recent";

    private final int maxTransactions;
    private final long windowMillis;

    @WeirState(value = RECENT, ttl = "${fraud.rules.velocity-state-ttl:2m}")
    ListState<Long> recent;

    /** The rule with the limit and window of {@code properties}. */
    public VelocityRule(FraudProperties properties) {
        FraudProperties.Rules rules = properties.getRules();
        if (rules.getVelocityStateTtl().compareTo(rules.getVelocityWindow()) < 0) {
            throw new IllegalStateException("fraud.rules.velocity-state-ttl (" + rules.getVelocityStateTtl()
                    + ") must be at least fraud.rules.velocity-window (" + rules.getVelocityWindow()
                    + "), or transactions still in the window would be forgotten");
        }
        this.maxTransactions = rules.getVelocityMaxTransactions();
        this.windowMillis = rules.getVelocityWindow().toMillis();
    }

    @Override
    public void processElement(Transaction transaction, Context<String> context,
                               Collector<KeyValue<String, FraudAlert>> out) {
        long from = transaction.timestamp() - windowMillis;
        List<Long> inWindow = new ArrayList<>();
        for (Long time : recent.get()) {
            if (time > from) {
                inWindow.add(time);
            }
        }
        int before = inWindow.size();
        inWindow.add(transaction.timestamp());
        recent.update(inWindow);
        if (before <= maxTransactions && inWindow.size() > maxTransactions) {
            out.collect(KeyValue.of(transaction.accountId(), new FraudAlert(transaction.accountId(), FraudAlert.VELOCITY,
                    transaction.id(), String.format(Locale.ROOT, "%d transactions within %d s, more than %d",
                    inWindow.size(), windowMillis / 1000, maxTransactions))));
        }
    }
}
