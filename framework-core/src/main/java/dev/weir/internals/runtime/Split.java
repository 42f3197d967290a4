package dev.weir.internals.runtime;

import dev.weir.internals.operators.SplitInput;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumed partition of a task, with how far it was processed and how far that is committed,
 * together with the watermark bookkeeping committed as the offset's metadata.
 */
final class Split {

    final TopicPartition partition;
    final StreamTask task;
    final SplitInput input;
    long nextOffset;
    long committedOffset;
    String committedMetadata;

    Split(TopicPartition partition, StreamTask task, SplitInput input, long position, String committedMetadata) {
        this.partition = partition;
        this.task = task;
        this.input = input;
        this.nextOffset = position;
        this.committedOffset = position;
        this.committedMetadata = committedMetadata;
    }
}
