package dev.weir.spring.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.weir.runtime.CheckpointStatus;
import dev.weir.runtime.RuntimeStatus;
import dev.weir.runtime.SplitStatus;
import dev.weir.runtime.TaskStatus;
import dev.weir.runtime.WorkerStatus;

/** Renders a runtime's status as plain maps and lists, for JSON. */
final class StatusDetails {

    private StatusDetails() {
    }

    static Map<String, Object> instance(RuntimeStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("application", status.applicationId());
        details.put("instance", status.instanceId());
        details.put("state", status.state().name());
        status.advertisedEndpoint().ifPresent(e -> details.put("endpoint", e));
        details.put("tasks", status.tasks().size());
        details.put("lag", status.lag());
        details.put("deadLetteredRecords", status.deadLetteredRecords());
        return details;
    }

    static Map<String, Object> worker(WorkerStatus worker, Instant now, boolean withTasks) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("index", worker.index());
        details.put("phase", worker.phase().name());
        worker.failure().ifPresent(f -> details.put("lastFailure", f));
        worker.lastCheckpoint().ifPresent(c -> details.put("lastCheckpoint", checkpoint(c, now)));
        details.put("checkpointsCompleted", worker.checkpointsCompleted());
        details.put("checkpointsFailed", worker.checkpointsFailed());
        details.put("consecutiveCheckpointFailures", worker.consecutiveCheckpointFailures());
        details.put("restarts", worker.restarts());
        details.put("backpressuredMillis", worker.backpressured().toMillis());
        details.put("tasks", withTasks ? worker.tasks().stream().map(StatusDetails::task).toList()
                : worker.tasks().stream().map(TaskStatus::id).toList());
        return details;
    }

    private static Map<String, Object> checkpoint(CheckpointStatus checkpoint, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", checkpoint.id());
        details.put("completedAt", checkpoint.completedAt().toString());
        details.put("ageMillis", Duration.between(checkpoint.completedAt(), now).toMillis());
        details.put("durationMillis", checkpoint.duration().toMillis());
        return details;
    }

    private static Map<String, Object> task(TaskStatus task) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", task.id());
        details.put("lag", task.lag());
        task.watermark().ifPresent(watermark -> details.put("watermark",
                watermark == Long.MIN_VALUE ? "none yet" : Instant.ofEpochMilli(watermark).toString()));
        details.put("partitions", task.splits().stream().map(StatusDetails::split).toList());
        return details;
    }

    private static Map<String, Object> split(SplitStatus split) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", split.topic());
        details.put("partition", split.partition());
        details.put("committedOffset", split.committedOffset());
        split.lag().ifPresent(lag -> details.put("lag", lag));
        return details;
    }

    static List<Map<String, Object>> workers(RuntimeStatus status, Instant now, boolean withTasks) {
        return status.workers().stream().map(w -> worker(w, now, withTasks)).toList();
    }
}
