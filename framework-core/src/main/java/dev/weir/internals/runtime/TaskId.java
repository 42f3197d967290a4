package dev.weir.internals.runtime;

/**
 * A task: partition {@code partition} of stage {@code stage}. Written {@code <stage>_<partition>},
 * as in logs and status reports.
 */
public record TaskId(int stage, int partition) implements Comparable<TaskId> {

    @Override
    public int compareTo(TaskId o) {
        return stage != o.stage ? Integer.compare(stage, o.stage) : Integer.compare(partition, o.partition);
    }

    @Override
    public String toString() {
        return stage + "_" + partition;
    }
}
