package dev.weir.benchmarks.kstreams;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The second stage of Nexmark q5: keeps, per window start, the highest per-auction bid count the
 * first stage has reported and the auctions with it, and writes them as
 * {@code <windowStart>:<auction>:<count>} keyed by {@code <windowStart>} once the window is
 * complete.
 *
 * <p>A window is complete once every first-stage partition has closed it: each partition's
 * progress marker (see {@link WindowCloseMarker}) follows all its counts of the windows it vouches
 * for, so when the smallest {@code closedUpTo} over all partitions reaches a window's end, no
 * count of that window can still come. A first-stage partition closes a window once its stream
 * time reaches the window's end + grace, so the window is written as soon as the last partition
 * gets there, not a window advance later, as a second windowed aggregation over the counts would.
 */
final class HotAuctionsSelector implements Processor<String, String, String, String> {

    private final int stageOnePartitions;
    private final long sizeMs;
    private final String windowsStore;
    private final String progressStore;
    private ProcessorContext<String, String> context;
    private KeyValueStore<Long, String> windows;
    private KeyValueStore<Integer, Long> progress;

    /**
     * @param stageOnePartitions how many first-stage partitions send markers
     * @param sizeMs             the window size
     * @param windowsStore       the store of each open window's hot auctions, by window start
     * @param progressStore      the store of each first-stage partition's latest {@code closedUpTo}
     */
    HotAuctionsSelector(int stageOnePartitions, long sizeMs, String windowsStore, String progressStore) {
        this.stageOnePartitions = stageOnePartitions;
        this.sizeMs = sizeMs;
        this.windowsStore = windowsStore;
        this.progressStore = progressStore;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.windows = context.getStateStore(windowsStore);
        this.progress = context.getStateStore(progressStore);
    }

    @Override
    public void process(Record<String, String> record) {
        String value = record.value();
        if (WindowResultMessages.isMarker(value)) {
            int partition = WindowResultMessages.partitionOf(value);
            long closedUpTo = WindowResultMessages.closedUpToOf(value);
            Long known = progress.get(partition);
            // A restarted first-stage task marks again from scratch: progress never goes back.
            if (known == null || closedUpTo > known) {
                progress.put(partition, closedUpTo);
                emitCompleteWindows(record);
            }
        } else {
            long start = Long.parseLong(record.key());
            HotAuctions hot = HotAuctions.add(HotAuctions.decode(windows.get(start)),
                    WindowResultMessages.auctionOf(value), WindowResultMessages.countOf(value));
            windows.put(start, hot.encode());
        }
    }

    private void emitCompleteWindows(Record<String, String> marker) {
        long completeUpTo = Long.MAX_VALUE;
        for (int partition = 0; partition < stageOnePartitions; partition++) {
            Long closedUpTo = progress.get(partition);
            if (closedUpTo == null) {
                return;
            }
            completeUpTo = Math.min(completeUpTo, closedUpTo);
        }
        List<Long> emitted = new ArrayList<>();
        // Long keys are stored big-endian, so positive window starts iterate in ascending order.
        try (KeyValueIterator<Long, String> open = windows.all()) {
            while (open.hasNext()) {
                KeyValue<Long, String> window = open.next();
                long start = window.key;
                if (start + sizeMs > completeUpTo) {
                    break;
                }
                HotAuctions hot = HotAuctions.decode(window.value);
                for (String auction : hot.auctions()) {
                    context.forward(marker.withKey(Long.toString(start))
                            .withValue(start + ":" + auction + ":" + hot.count()));
                }
                emitted.add(start);
            }
        }
        emitted.forEach(windows::delete);
    }
}
