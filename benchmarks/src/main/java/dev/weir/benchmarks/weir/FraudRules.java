package dev.weir.benchmarks.weir;

import java.util.ArrayList;
import java.util.List;

import dev.weir.benchmarks.workloads.Transaction;
import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.kafka.KeyValue;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The fraud workload's two rules per account, on the transactions' record timestamps: a pending
 * small transaction (under $1.00) followed within 60 s by a large one (over $500.00), and more
 * than 5 transactions within 60 s. Emits {@code account → <rule>:<transactionId>}.
 */
final class FraudRules extends KeyedProcessFunction<String, Transaction, KeyValue<String, String>> {

    private static final double SMALL = 1.00;
    private static final double LARGE = 500.00;
    private static final long WINDOW_MILLIS = 60_000;
    private static final int VELOCITY_LIMIT = 5;

    private ValueState<Long> pendingSmallAt;
    private ListState<Long> recentTimes;

    @Override
    public void open(RuntimeContext context) {
        pendingSmallAt = context.getState(new ValueStateDescriptor<>("pending-small-at", Serdes.Long()));
        recentTimes = context.getListState(new ListStateDescriptor<>("recent-times", Serdes.Long()));
    }

    @Override
    public void processElement(Transaction transaction, Context<String> context,
                               Collector<KeyValue<String, String>> out) {
        long now = context.timestamp();
        String account = context.getCurrentKey();
        Long smallAt = pendingSmallAt.value();
        if (smallAt != null && transaction.amount() > LARGE && now - smallAt <= WINDOW_MILLIS) {
            out.collect(KeyValue.of(account, "small-then-large:" + transaction.id()));
        }
        if (transaction.amount() < SMALL) {
            pendingSmallAt.update(now);
        } else if (smallAt != null) {
            pendingSmallAt.clear();
        }

        List<Long> inWindow = new ArrayList<>();
        for (Long time : recentTimes.get()) {
            if (time > now - WINDOW_MILLIS) {
                inWindow.add(time);
            }
        }
        int before = inWindow.size();
        inWindow.add(now);
        recentTimes.update(inWindow);
        if (before <= VELOCITY_LIMIT && inWindow.size() > VELOCITY_LIMIT) {
            out.collect(KeyValue.of(account, "velocity:" + transaction.id()));
        }
    }
}
