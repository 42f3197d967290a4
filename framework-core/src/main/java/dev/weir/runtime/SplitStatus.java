package dev.weir.runtime;

import java.util.OptionalLong;

/**
 * One source partition of a task, as of the worker's last checkpoint.
 *
 * @param topic the topic read
 * @param partition its partition
 * @param committedOffset the next offset to read, as committed with the last checkpoint
 * @param lag how many records (read_committed) lie beyond the consumer's position, if known yet
 */
public record SplitStatus(String topic, int partition, long committedOffset, OptionalLong lag) {
}
