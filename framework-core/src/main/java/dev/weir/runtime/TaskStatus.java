package dev.weir.runtime;

import java.util.List;
import java.util.OptionalLong;

/**
 * A task this instance runs: partition {@code p} of a stage, with the source partitions it reads.
 *
 * @param id the task id, {@code <stage>_<partition>}
 * @param splits the partitions the task reads, one per co-partitioned source topic
 * @param watermark the task's watermark as of its last checkpoint, {@link Long#MIN_VALUE} until it
 *     has one; empty if the task's elements carry no event time
 */
public record TaskStatus(String id, List<SplitStatus> splits, OptionalLong watermark) {

    /** The total lag of the task's splits; splits whose lag is not known yet count as zero. */
    public long lag() {
        return splits.stream().mapToLong(s -> s.lag().orElse(0)).sum();
    }
}
