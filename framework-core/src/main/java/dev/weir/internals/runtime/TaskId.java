package dev.weir.internals.runtime;

/**
 * A task: partition {@code partition} of stage {@code stage}. Written {@code <stage>_<partition>},
 * as in task state directories and assignment data.
 */
public record TaskId(int stage, int partition) implements Comparable<TaskId> {

    /** Reads {@code <stage>_<partition>}; {@code null} if the text is not a task id. */
    public static TaskId parse(String text) {
        int sep = text.indexOf('_');
        if (sep <= 0) {
            return null;
        }
        try {
            return new TaskId(Integer.parseInt(text.substring(0, sep)), Integer.parseInt(text.substring(sep + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int compareTo(TaskId o) {
        return stage != o.stage ? Integer.compare(stage, o.stage) : Integer.compare(partition, o.partition);
    }

    @Override
    public String toString() {
        return stage + "_" + partition;
    }
}
