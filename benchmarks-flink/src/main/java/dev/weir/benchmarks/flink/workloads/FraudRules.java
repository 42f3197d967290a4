package dev.weir.benchmarks.flink.workloads;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import dev.weir.benchmarks.flink.KafkaText;

/**
 * The fraud rules for one account, on the transactions' record timestamps:
 * <ol>
 *   <li>small-then-large: a transaction over 500.00 at most 60 s after the account's pending small one
 *       (under 1.00) alerts; every transaction clears the pending small one, then a small one becomes it;</li>
 *   <li>velocity: the sixth transaction within 60 s alerts (the count goes from 5 to 6).</li>
 * </ol>
 * Output: the account id, and {@code <rule>:<transactionId>}; small-then-large first when both fire.
 */
final class FraudRules extends KeyedProcessFunction<String, Transaction, KafkaText> {

    private static final long serialVersionUID = 1L;

    static final double SMALL_BELOW = 1.00;
    static final double LARGE_ABOVE = 500.00;
    static final long WINDOW_MILLIS = 60_000;
    static final int VELOCITY_LIMIT = 5;

    private transient ValueState<Long> pendingSmallTimestamp;
    private transient ListState<Long> recentTimestamps;

    @Override
    public void open(OpenContext openContext) {
        pendingSmallTimestamp = getRuntimeContext().getState(
                new ValueStateDescriptor<>("pending-small-timestamp", Types.LONG));
        recentTimestamps = getRuntimeContext().getListState(
                new ListStateDescriptor<>("recent-timestamps", Types.LONG));
    }

    @Override
    public void processElement(Transaction transaction, Context context, Collector<KafkaText> out) throws Exception {
        long timestamp = context.timestamp();
        if (smallThenLarge(transaction, timestamp)) {
            out.collect(alert("small-then-large", transaction));
        }
        if (velocity(timestamp)) {
            out.collect(alert("velocity", transaction));
        }
    }

    private boolean smallThenLarge(Transaction transaction, long timestamp) throws Exception {
        Long smallTimestamp = pendingSmallTimestamp.value();
        boolean alert = smallTimestamp != null
                && transaction.amount() > LARGE_ABOVE
                && timestamp - smallTimestamp <= WINDOW_MILLIS;
        if (transaction.amount() < SMALL_BELOW) {
            pendingSmallTimestamp.update(timestamp);
        } else if (smallTimestamp != null) {
            pendingSmallTimestamp.clear();
        }
        return alert;
    }

    private boolean velocity(long timestamp) throws Exception {
        List<Long> kept = new ArrayList<>();
        for (Long earlier : recentTimestamps.get()) {
            if (earlier > timestamp - WINDOW_MILLIS) {
                kept.add(earlier);
            }
        }
        int before = kept.size();
        kept.add(timestamp);
        recentTimestamps.update(kept);
        return before <= VELOCITY_LIMIT && kept.size() > VELOCITY_LIMIT;
    }

    private static KafkaText alert(String rule, Transaction transaction) {
        return new KafkaText(transaction.accountId(), rule + ":" + transaction.id());
    }
}
