package dev.weir.internals.runtime;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import dev.weir.internals.metrics.EngineMeters;
import dev.weir.internals.state.ChangelogEntry;
import dev.weir.internals.state.ChangelogRecordCodec;
import dev.weir.internals.state.TaskStateBackend;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Brings a task's local state up to its changelog: from the offset its last commit recorded
 * (local state reused) or from the beginning (no local state), to the changelog's last stable
 * offset. Only committed changelog records are applied.
 */
final class ChangelogRestorer {

    private static final int BATCH = 10_000;

    private final Consumer<byte[], byte[]> consumer;
    private final EngineMeters meters;

    ChangelogRestorer(Consumer<byte[], byte[]> consumer, EngineMeters meters) {
        this.consumer = consumer;
        this.meters = meters;
    }

    /** What a restore did. */
    record Result(long fromOffset, long toOffset, long recordsReplayed, boolean localStateReused) {
    }

    Result restore(TaskStateBackend backend, TopicPartition changelog) {
        consumer.assign(List.of(changelog));
        long announced = 0;
        long replayed = 0;
        try {
            OptionalLong recorded = backend.committedChangelogOffset();
            long end = consumer.endOffsets(List.of(changelog)).get(changelog);
            long begin = consumer.beginningOffsets(List.of(changelog)).get(changelog);
            long from = recorded.isPresent() ? Math.max(recorded.getAsLong(), begin) : begin;
            consumer.seek(changelog, from);
            announced = end - from;
            meters.restoreStarted(announced);
            long sinceFlush = 0;
            while (consumer.position(changelog) < end) {
                long before = replayed;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)).records(changelog)) {
                    ChangelogEntry entry = ChangelogRecordCodec.decode(record.key(), record.value());
                    backend.restore(entry.stateId(), entry.dbKey(), entry.value());
                    replayed++;
                    sinceFlush++;
                }
                meters.restored(replayed - before);
                if (sinceFlush >= BATCH) {
                    backend.finishRestoreBatch(consumer.position(changelog));
                    sinceFlush = 0;
                }
            }
            long position = consumer.position(changelog);
            if (sinceFlush > 0 || !recorded.isPresent() || recorded.getAsLong() != position) {
                backend.finishRestoreBatch(position);
            }
            return new Result(from, position, replayed, recorded.isPresent());
        } finally {
            // Offsets without a record to replay (transaction markers, aborted or compacted records) leave the count.
            meters.restoreEnded(announced - replayed);
            consumer.assign(List.of());
        }
    }
}
