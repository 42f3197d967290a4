package dev.weir.benchmarks.kstreams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs beside the first stage's windowed count of Nexmark q5, in the same task and on the same
 * records, and tells the second stage how far that task has emitted: whenever the task's stream
 * time moves a window end past the grace period, it forwards a marker
 * {@code M:<partition>:<closedUpTo>} saying that every window ending at or before
 * {@code closedUpTo} has been emitted by this partition.
 *
 * <p>That is true because the count closes a window by the same rule (stream time ≥ end + grace,
 * checked on every record: {@link StreamsSettings} sets its emit interval to 0) and because Kafka
 * Streams hands a record to a node's children in the order they were added: the count, which
 * forwards the windows it closes, before this marker. The marker therefore follows, in the same
 * transaction and partition, every count it vouches for.
 */
final class WindowCloseMarker implements Processor<String, String, String, String> {

    private final long advanceMs;
    private final long graceMs;
    private ProcessorContext<String, String> context;
    private long streamTime = Long.MIN_VALUE;
    private long markedUpTo = Long.MIN_VALUE;

    /**
     * @param advanceMs the windows' advance; window ends are multiples of it
     * @param graceMs   the windows' grace period
     */
    WindowCloseMarker(long advanceMs, long graceMs) {
        this.advanceMs = advanceMs;
        this.graceMs = graceMs;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        streamTime = Math.max(streamTime, record.timestamp());
        long closedUpTo = Math.floorDiv(streamTime - graceMs, advanceMs) * advanceMs;
        if (closedUpTo > markedUpTo) {
            markedUpTo = closedUpTo;
            int partition = context.taskId().partition();
            context.forward(record.withKey(Integer.toString(partition))
                    .withValue(WindowResultMessages.marker(partition, closedUpTo)));
        }
    }
}
