package dev.weir.internals.runtime;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

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

    ChangelogRestorer(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /** What a restore did. */
    record Result(long fromOffset, long toOffset, long recordsReplayed, boolean localStateReused) {
    }

    Result restore(TaskStateBackend backend, TopicPartition changelog) {
        consumer.assign(List.of(changelog));
        try {
            OptionalLong recorded = backend.committedChangelogOffset();
            long end = consumer.endOffsets(List.of(changelog)).get(changelog);
            long begin = consumer.beginningOffsets(List.of(changelog)).get(changelog);
            long from = recorded.isPresent() ? Math.max(recorded.getAsLong(), begin) : begin;
            consumer.seek(changelog, from);
            long replayed = 0;
            long sinceFlush = 0;
            while (consumer.position(changelog) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)).records(changelog)) {
                    ChangelogEntry entry = ChangelogRecordCodec.decode(record.key(), record.value());
                    backend.restore(entry.stateId(), entry.dbKey(), entry.value());
                    replayed++;
                    sinceFlush++;
                }
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
            consumer.assign(List.of());
        }
    }
}
