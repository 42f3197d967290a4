package dev.weir.benchmarks.flink.workloads;

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
 * The second stage of q5 and q7, keyed by window start: keeps the highest score seen for the window and
 * every candidate with that score, and emits them all when the watermark passes the window's last
 * millisecond. The first stage's window results carry that millisecond as their timestamp and are emitted
 * before the watermark that fires them travels on, so by then every candidate of the window has arrived.
 * Output: key {@code <windowStart>}, value {@code <windowStart>:<description>}, one record per tie.
 */
final class WindowLeaders extends KeyedProcessFunction<Long, WindowCandidate, KafkaText> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> bestScore;
    private transient ListState<String> leaders;

    @Override
    public void open(OpenContext openContext) {
        bestScore = getRuntimeContext().getState(new ValueStateDescriptor<>("best-score", Types.LONG));
        leaders = getRuntimeContext().getListState(new ListStateDescriptor<>("leaders", Types.STRING));
    }

    @Override
    public void processElement(WindowCandidate candidate, Context context, Collector<KafkaText> out)
            throws Exception {
        Long best = bestScore.value();
        if (best == null || candidate.score() > best) {
            if (best == null) {
                context.timerService().registerEventTimeTimer(context.timestamp());
            }
            bestScore.update(candidate.score());
            leaders.clear();
            leaders.add(candidate.description());
        } else if (candidate.score() == best) {
            leaders.add(candidate.description());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<KafkaText> out) throws Exception {
        String windowStart = Long.toString(context.getCurrentKey());
        for (String leader : leaders.get()) {
            out.collect(new KafkaText(windowStart, windowStart + ":" + leader));
        }
        bestScore.clear();
        leaders.clear();
    }
}
