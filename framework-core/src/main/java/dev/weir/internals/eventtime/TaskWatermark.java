package dev.weir.internals.eventtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.TopicPartition;

/**
 * A task's watermark: the minimum over its splits that are not idle, never going back. It is
 * checkpointed in the offset metadata of each split, together with the split's own bookkeeping,
 * so that it commits atomically with the offsets it belongs to and a restart resumes it exactly.
 */
public final class TaskWatermark {

    private static final String FORMAT = "wm1;";

    private final Map<TopicPartition, SplitWatermark> splits = new LinkedHashMap<>();
    private boolean eventTime;
    private long current = Long.MIN_VALUE;

    /**
     * Adds a split.
     *
     * @param carriesEventTime whether the split's source has event time
     */
    public void addSplit(TopicPartition split, SplitWatermark watermark, boolean carriesEventTime) {
        splits.put(split, watermark);
        eventTime |= carriesEventTime;
    }

    /** Whether any split has event time; if none has, the watermark stays at its minimum and nothing is checkpointed. */
    public boolean hasEventTime() {
        return eventTime;
    }

    /** The watermark; {@link Long#MIN_VALUE} until every split that is not idle has one. */
    public long current() {
        return current;
    }

    /** Whether every split is idle, so that the task holds back no watermark downstream. */
    public boolean isIdle() {
        if (splits.isEmpty()) {
            return false;
        }
        for (SplitWatermark split : splits.values()) {
            if (!split.isIdle()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Recomputes the watermark from the splits.
     *
     * @return whether it advanced
     */
    public boolean advance() {
        long min = Long.MAX_VALUE;
        for (SplitWatermark split : splits.values()) {
            if (!split.isIdle()) {
                min = Math.min(min, split.watermark());
            }
        }
        if (min == Long.MAX_VALUE || min <= current) {
            return false;
        }
        current = min;
        return true;
    }

    /**
     * Re-evaluates every split's idleness at processing time {@code now}.
     *
     * @param caughtUp whether the consumer has read everything a split holds
     * @return whether any split's idleness changed
     */
    public boolean checkIdleness(long now, Predicate<TopicPartition> caughtUp) {
        boolean changed = false;
        for (Map.Entry<TopicPartition, SplitWatermark> split : splits.entrySet()) {
            changed |= split.getValue().checkIdleness(now, () -> caughtUp.test(split.getKey()));
        }
        return changed;
    }

    /** The longest offset metadata of a split whose own bookkeeping takes at most {@code snapshotLength} characters. */
    public static int maxMetadataLength(int snapshotLength) {
        return FORMAT.length() + Long.toString(Long.MIN_VALUE).length() + 1 + snapshotLength;
    }

    /** What to commit as {@code split}'s offset metadata: the task's watermark and the split's bookkeeping. */
    public String metadata(TopicPartition split) {
        if (!eventTime) {
            return "";
        }
        return FORMAT + current + ";" + splits.get(split).snapshot();
    }

    /**
     * Resumes from the offset metadata last committed for each split; a split without metadata of
     * this format starts afresh.
     */
    public void restore(Map<TopicPartition, String> committedMetadata) {
        current = Long.MIN_VALUE;
        for (Map.Entry<TopicPartition, SplitWatermark> e : splits.entrySet()) {
            String metadata = committedMetadata.getOrDefault(e.getKey(), "");
            if (!metadata.startsWith(FORMAT)) {
                e.getValue().restore("");
                continue;
            }
            int separator = metadata.indexOf(';', FORMAT.length());
            try {
                if (separator < 0) {
                    throw new IllegalArgumentException("no split part");
                }
                current = Math.max(current, Long.parseLong(metadata.substring(FORMAT.length(), separator)));
                e.getValue().restore(metadata.substring(separator + 1));
            } catch (IllegalArgumentException malformed) {
                throw new IllegalStateException("malformed watermark metadata committed on " + e.getKey() + ": '"
                        + metadata + "' (" + malformed.getMessage() + ")", malformed);
            }
        }
    }
}
