package dev.weir.internals.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import dev.weir.config.ProcessingGuarantee;
import dev.weir.functions.TimeDomain;
import dev.weir.internals.context.ActiveTask;
import dev.weir.internals.eventtime.TaskWatermark;
import dev.weir.internals.eventtime.WatermarkEmitter;
import dev.weir.internals.graph.Stage;
import dev.weir.internals.operators.TimerTarget;
import dev.weir.internals.state.ChangelogRecordCodec;
import dev.weir.internals.state.TaskStateBackend;
import dev.weir.runtime.SplitStatus;
import dev.weir.runtime.TaskStatus;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One life of a worker: its consumer (a group member), its transactional producer, its changelog
 * reader and the tasks it owns. It polls, runs records and timers through the tasks, and takes
 * checkpoints. Any failure ends the session; the worker then closes it without committing and
 * starts a new one, which rebuilds everything from what Kafka committed.
 */
final class WorkerSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerSession.class);
    private static final int EXPIRED_ENTRIES_PER_CHECKPOINT = 1_000;

    private final WorkerEnvironment env;
    private final String name;
    private final boolean exactlyOnce;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> restoreConsumer;
    private final RecordCollector collector;
    private final ElementFailureHandler failures;
    private final ChangelogRestorer restorer;
    private final CheckpointListener checkpointListener;
    private final WorkerMailbox mailbox;
    private final OutputPressure outputPressure;
    private final KafkaClientMetrics consumerMetrics;
    private final KafkaClientMetrics producerMetrics;
    private final OrphanedTaskWatch orphanedTasks;
    private final Map<TaskId, StreamTask> tasks = new TreeMap<>();
    private final Map<TopicPartition, Split> splits = new HashMap<>();
    private final long intervalMillis;
    private final long minPauseMillis;
    private long lastCheckpointStart = System.currentTimeMillis();
    private long lastCheckpointEnd = lastCheckpointStart;
    private long checkpointCount;
    /** Bytes of changelog records the checkpoint in progress wrote. */
    private long changelogBytes;
    private volatile Set<TaskId> ownedSnapshot = Set.of();
    private volatile List<TaskStatus> taskStatus = List.of();
    private RuntimeException callbackFailure;
    private boolean closing;
    private boolean closed;

    /** Told about every checkpoint and its outcome. */
    interface CheckpointListener {

        /** A checkpoint starts. */
        void onCheckpointStarted();

        /** A checkpoint committed, or found nothing to commit. */
        void onCheckpointCompleted(long durationMillis);

        /** A checkpoint was abandoned; throws if that is one failure too many. */
        void onCheckpointFailed(Exception cause);
    }

    WorkerSession(WorkerEnvironment env, int workerIndex, CheckpointListener checkpointListener, WorkerMailbox mailbox) {
        this.env = env;
        this.name = env.config().applicationId() + "-" + env.directory().instanceId() + "-" + workerIndex;
        this.exactlyOnce = env.config().processingGuarantee() == ProcessingGuarantee.EXACTLY_ONCE;
        this.checkpointListener = checkpointListener;
        this.mailbox = mailbox;
        this.intervalMillis = env.config().checkpointInterval().toMillis();
        this.minPauseMillis = env.config().checkpointMinPause().toMillis();
        this.producer = new KafkaProducer<>(env.clients().producer(name + "-producer", name));
        this.restoreConsumer = new KafkaConsumer<>(env.clients().restoreConsumer(name + "-restore"));
        Map<String, Object> consumerConfig = env.clients().mainConsumer(name + "-consumer", name,
                new AssignmentContext(env.topology(), this::localTasks, env.directory().instanceId(),
                        env.config().advertisedEndpoint().orElse(""), env.clusterView()));
        this.consumer = new KafkaConsumer<>(consumerConfig);
        this.orphanedTasks = new OrphanedTaskWatch(env.topology()::tasks, env.clusterView()::latest,
                Long.parseLong(String.valueOf(consumerConfig.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG))));
        this.collector = new RecordCollector(producer, exactlyOnce, env.meters());
        this.failures = new ElementFailureHandler(env.config().errorPolicy(), env.config().deadLetterTopic(),
                collector, env.deadLettered());
        this.restorer = new ChangelogRestorer(restoreConsumer, env.meters());
        this.outputPressure = new OutputPressure(producer.metrics());
        this.consumerMetrics = new KafkaClientMetrics(consumer, env.meters().tags());
        this.producerMetrics = new KafkaClientMetrics(producer, env.meters().tags());
        consumerMetrics.bindTo(env.meters().registry());
        producerMetrics.bindTo(env.meters().registry());
    }

    /** Joins the group and processes until {@code stopRequested} says so. */
    void run(BooleanSupplier stopRequested) {
        if (exactlyOnce) {
            // Also aborts whatever a previous process with this transactional id left open.
            producer.initTransactions();
        }
        consumer.subscribe(env.topology().sourceTopics(), new RebalanceListener());
        while (!stopRequested.getAsBoolean()) {
            pollOnce();
        }
    }

    private void pollOnce() {
        applyOutputPressure();
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(pollMillis()));
        rethrowCallbackFailure();
        orphanedTasks.orphans(System.currentTimeMillis()).ifPresent(orphans -> {
            LOG.info("{}: the last assignment left tasks {} without an owner; asking for a rebalance", name, orphans);
            consumer.enforceRebalance("tasks without an owner: " + orphans);
        });
        try {
            long now = System.currentTimeMillis();
            for (TopicPartition partition : records.partitions()) {
                Split split = splits.get(partition);
                ActiveTask.set(split.task);
                List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
                split.task.countConsumed(batch.size());
                env.meters().recordLatency(now - batch.get(batch.size() - 1).timestamp());
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    processRecord(split, record);
                }
            }
            fireTimers(System.currentTimeMillis());
            advanceWatermarks(System.currentTimeMillis());
        } finally {
            ActiveTask.set(null);
        }
        long now = System.currentTimeMillis();
        if (mailbox.checkpointRequested()
                || now - lastCheckpointStart >= intervalMillis && now - lastCheckpointEnd >= minPauseMillis) {
            checkpoint();
            serveStateReads();
            processHeldRecords();
        }
    }

    /**
     * Answers the state reads other threads queued. Called right after a checkpoint, when no task
     * has staged changes: a read sees exactly the state Kafka committed, never state a failure
     * could still roll back.
     */
    private void serveStateReads() {
        for (StateRead read = mailbox.nextRead(); read != null; read = mailbox.nextRead()) {
            StreamTask task = tasks.get(read.task());
            if (task == null) {
                read.result().completeExceptionally(new TaskNotOwnedException(read.task()));
                continue;
            }
            try {
                read.result().complete(task.readState(read.handle(), read.keyGroup(), read.key()));
            } catch (RuntimeException e) {
                read.result().completeExceptionally(e);
            }
        }
    }

    /** Processes what aligning tasks held back, now that their barriers have all arrived. */
    private void processHeldRecords() {
        for (StreamTask task : tasks.values()) {
            List<Map.Entry<TopicPartition, ConsumerRecord<byte[], byte[]>>> held = task.releaseHeld();
            if (held.isEmpty()) {
                continue;
            }
            ActiveTask.set(task);
            try {
                held.forEach(e -> processRecord(splits.get(e.getKey()), e.getValue()));
            } finally {
                ActiveTask.set(null);
            }
        }
    }

    private void processRecord(Split split, ConsumerRecord<byte[], byte[]> record) {
        StreamTask task = split.task;
        if (task.isBlocked(split.partition)) {
            task.hold(split.partition, record);
            return;
        }
        task.beginRecord(record);
        try {
            split.input.process(record);
            collector.completeElement();
        } catch (RuntimeException e) {
            task.undoElement();
            collector.discardElement();
            failures.onRecordFailure(record, e);
        }
        split.nextOffset = record.offset() + 1;
        // Per record, not per poll: which elements are late must not depend on how polls batch them.
        if (task.watermark().hasEventTime() && (task.watermark().advance() || task.hasEventTimersDue())) {
            task.fireEventTimers(this::runTimer);
        }
    }

    /**
     * Pauses every partition while the producer's buffer is nearly full, so that the worker
     * fetches nothing more than it can write, and resumes them once the buffer has drained. The
     * worker keeps polling meanwhile: it stays in the group, fires its timers and checkpoints.
     */
    private void applyOutputPressure() {
        switch (outputPressure.update(System.nanoTime())) {
            case PAUSE:
                consumer.pause(consumer.assignment());
                LOG.debug("{} pauses its partitions: the output is backed up", name);
                break;
            case RESUME:
                consumer.resume(consumer.paused());
                LOG.debug("{} resumes its partitions", name);
                break;
            default:
                if (outputPressure.isPaused() && !consumer.assignment().equals(consumer.paused())) {
                    // Partitions assigned while paused join the pause.
                    consumer.pause(consumer.assignment());
                }
        }
    }

    /** How long this session paused its partitions because its output was backed up; safe to read from any thread. */
    long backpressuredNanos() {
        return outputPressure.pausedNanos();
    }

    /** Whether the consumer has read all a partition holds, as of its last fetch. */
    private boolean caughtUp(TopicPartition partition) {
        OptionalLong lag = consumer.currentLag(partition);
        return lag.isPresent() && lag.getAsLong() == 0;
    }

    /**
     * Lets idle splits stop holding back their task's watermark, fires the event-time timers that
     * frees, and writes watermarks downstream where due.
     */
    private void advanceWatermarks(long now) {
        for (StreamTask task : tasks.values()) {
            TaskWatermark watermark = task.watermark();
            if (!watermark.hasEventTime()) {
                continue;
            }
            if (watermark.checkIdleness(now, this::caughtUp) && watermark.advance()) {
                ActiveTask.set(task);
                task.fireEventTimers(this::runTimer);
            }
            WatermarkEmitter emitter = task.watermarkEmitter();
            if (emitter != null) {
                emitter.emitIfDue(watermark.current(), watermark.isIdle(), now, (topic, partition, headers) ->
                        collector.sendNow(new ProducerRecord<>(topic, partition, null, null, null, headers)));
            }
        }
    }

    private void fireTimers(long now) {
        for (StreamTask task : tasks.values()) {
            if (task.nextTimerTime() <= now) {
                ActiveTask.set(task);
                task.fireTimers(now, this::runTimer);
            }
        }
    }

    private void runTimer(StreamTask task, TimerTarget target, long timestamp, TimeDomain domain) {
        task.beginElement(timestamp);
        try {
            target.onTimer(timestamp, domain);
            collector.completeElement();
        } catch (RuntimeException e) {
            task.undoElement();
            collector.discardElement();
            failures.onTimerFailure(task, timestamp, e);
        }
    }

    private long pollMillis() {
        long now = System.currentTimeMillis();
        long wait = Math.min(100, Math.max(0, lastCheckpointStart + intervalMillis - now));
        for (StreamTask task : tasks.values()) {
            wait = Math.min(wait, Math.max(0, task.nextTimerTime() - now));
        }
        return wait;
    }

    /**
     * Commits checkpoint: changelog records of the staged state, offsets of every split and the
     * output since the last one in one transaction; then the staged state goes to RocksDB.
     */
    private void checkpoint() {
        long startNanos = System.nanoTime();
        long start = System.currentTimeMillis();
        lastCheckpointStart = start;
        long checkpointId = ++checkpointCount;
        checkpointListener.onCheckpointStarted();
        if (exactlyOnce) {
            // At-least-once needs no consistent cut across inputs, so it does not align.
            for (StreamTask task : tasks.values()) {
                task.injectBarrier(checkpointId);
                if (!task.isAligned(checkpointId)) {
                    throw new IllegalStateException(task + " did not align at checkpoint " + checkpointId);
                }
            }
            env.meters().aligned(System.nanoTime() - startNanos);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Split split : splits.values()) {
            String metadata = split.task.watermark().metadata(split.partition);
            if (split.nextOffset != split.committedOffset || !metadata.equals(split.committedMetadata)) {
                offsets.put(split.partition, new OffsetAndMetadata(split.nextOffset, metadata));
            }
        }
        for (StreamTask task : tasks.values()) {
            if (task.backend() != null) {
                task.backend().purgeExpired(EXPIRED_ENTRIES_PER_CHECKPOINT);
            }
        }
        boolean staged = tasks.values().stream().anyMatch(StreamTask::hasStagedChanges);
        if (offsets.isEmpty() && !staged && !collector.hasOpenWork()) {
            lastCheckpointEnd = start;
            completed(start);
            return;
        }
        Map<StreamTask, Future<RecordMetadata>> lastChangelogWrites;
        try {
            collector.checkSendFailure();
            lastChangelogWrites = writeChangelogs();
            if (exactlyOnce) {
                collector.ensureTransaction();
                if (!offsets.isEmpty()) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                }
            } else {
                producer.flush();
                collector.checkSendFailure();
            }
        } catch (KafkaException e) {
            if (isFencing(e)) {
                throw new OwnershipLostException(name + " was fenced: " + e, e);
            }
            if (isMembershipLost(e)) {
                // Its partitions belong to others now: going back and processing on would only
                // make more work that cannot commit, so the session ends and rejoins.
                abortQuietly();
                throw new OwnershipLostException(name + " lost " + ids(tasks.values())
                        + " to another member: the group no longer knows it (" + e.getMessage() + ")", e);
            }
            // Nothing is committed yet, so the checkpoint can be abandoned in place.
            rewindToLastCheckpoint(e);
            return;
        }
        if (exactlyOnce) {
            try {
                producer.commitTransaction();
            } catch (KafkaException e) {
                // The outcome is unknown here: only a restart from what Kafka committed is safe.
                throw isFencing(e) ? new OwnershipLostException(name + " was fenced: " + e, e)
                        : new CheckpointFailedException(name + " could not commit a checkpoint: " + e, e);
            }
        }
        collector.endTransaction();
        lastChangelogWrites.forEach((task, write) -> task.backend().commitStaged(offsetOf(write) + 1));
        env.meters().checkpointCompleted(System.nanoTime() - startNanos, changelogBytes);
        if (exactlyOnce || commitOffsetsAtLeastOnce(offsets)) {
            for (Split split : splits.values()) {
                split.committedOffset = split.nextOffset;
                OffsetAndMetadata committed = offsets.get(split.partition);
                if (committed != null) {
                    split.committedMetadata = committed.metadata();
                }
            }
        }
        lastCheckpointEnd = System.currentTimeMillis();
        completed(start);
    }

    private void completed(long start) {
        publishTaskStatus();
        checkpointListener.onCheckpointCompleted(lastCheckpointEnd - start);
    }

    /** Publishes the tasks with their committed offsets and lag, for readers on other threads. */
    private void publishTaskStatus() {
        List<TaskStatus> status = new ArrayList<>(tasks.size());
        Set<TopicPartition> assigned = tasks.isEmpty() ? Set.of() : consumer.assignment();
        for (StreamTask task : tasks.values()) {
            task.publishStats();
            List<SplitStatus> splitStatus = new ArrayList<>();
            for (TopicPartition partition : task.splits()) {
                Split split = splits.get(partition);
                if (split != null) {
                    splitStatus.add(new SplitStatus(partition.topic(), partition.partition(), split.committedOffset,
                            assigned.contains(partition) ? consumer.currentLag(partition) : OptionalLong.empty()));
                }
            }
            status.add(new TaskStatus(task.id().toString(), List.copyOf(splitStatus), task.watermark().hasEventTime()
                    ? OptionalLong.of(task.watermark().current()) : OptionalLong.empty()));
        }
        taskStatus = List.copyOf(status);
        ownedSnapshot = Set.copyOf(tasks.keySet());
    }

    /**
     * At-least-once: commits the offsets after the output and the changelog were acknowledged.
     * A commit refused during a rebalance is not a failure: the state stays, and the offsets go
     * with the next checkpoint (or, if the partitions move, are re-read: at least once).
     */
    private boolean commitOffsetsAtLeastOnce(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets);
            return true;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.debug("{} will commit its offsets with the next checkpoint: {}", name, e.toString());
            return false;
        }
    }

    private Map<StreamTask, Future<RecordMetadata>> writeChangelogs() {
        changelogBytes = 0;
        Map<StreamTask, Future<RecordMetadata>> last = new LinkedHashMap<>();
        for (StreamTask task : tasks.values()) {
            if (!task.hasStagedChanges()) {
                continue;
            }
            Stage stage = env.topology().stage(task.id().stage());
            String topic = stage.changelogTopic(env.config().applicationId()).orElseThrow();
            int partition = task.id().partition();
            List<Future<RecordMetadata>> writes = new ArrayList<>(1);
            task.backend().forEachStagedChange((stateId, dbKey, value) -> {
                byte[] key = ChangelogRecordCodec.encodeKey(stateId, dbKey);
                changelogBytes += key.length + (value == null ? 0 : value.length);
                Future<RecordMetadata> write = collector.sendNow(new ProducerRecord<>(topic, partition, key, value));
                if (writes.isEmpty()) {
                    writes.add(write);
                } else {
                    writes.set(0, write);
                }
            });
            last.put(task, writes.get(0));
        }
        return last;
    }

    private static long offsetOf(Future<RecordMetadata> write) {
        try {
            return write.get().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckpointFailedException("interrupted while reading a committed changelog offset", e);
        } catch (ExecutionException e) {
            throw new CheckpointFailedException("a committed changelog write reports a failure", e.getCause());
        }
    }

    /**
     * Abandons the checkpoint in progress, which has not committed: aborts the transaction and
     * sets every task back to the last checkpoint (staged state dropped, splits re-read from their
     * committed offsets). A stale group generation during a rebalance ends here: the next poll
     * brings the new generation and the next checkpoint commits with it.
     */
    private void rewindToLastCheckpoint(KafkaException cause) {
        if (exactlyOnce) {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                throw isFencing(e) ? new OwnershipLostException(name + " was fenced: " + e, e)
                        : new CheckpointFailedException(name + " could not abort a failed checkpoint: " + e, e);
            }
        }
        collector.endTransaction();
        for (StreamTask task : tasks.values()) {
            task.discardStaged();
        }
        for (Split split : splits.values()) {
            consumer.seek(split.partition, split.committedOffset);
            split.nextOffset = split.committedOffset;
        }
        for (StreamTask task : tasks.values()) {
            restoreWatermark(task);
        }
        lastCheckpointEnd = System.currentTimeMillis();
        LOG.info("{} abandoned a checkpoint and went back to the last one: {}", name, cause.toString());
        checkpointListener.onCheckpointFailed(cause);
    }

    /** Sets a task's watermark back to what its splits' last commit recorded; it is emitted downstream again. */
    private void restoreWatermark(StreamTask task) {
        if (!task.watermark().hasEventTime()) {
            return;
        }
        Map<TopicPartition, String> committed = new HashMap<>();
        for (TopicPartition partition : task.splits()) {
            Split split = splits.get(partition);
            if (split != null) {
                committed.put(partition, split.committedMetadata);
            }
        }
        task.watermark().restore(committed);
        task.resetOperatorWatermarks();
        if (task.watermarkEmitter() != null) {
            task.watermarkEmitter().forgetEmitted();
        }
    }

    /**
     * Whether an offset commit failed because the group coordinator no longer knows this member:
     * its session expired (a long pause, say) and its partitions were given to others.
     */
    private static boolean isMembershipLost(KafkaException e) {
        return e instanceof CommitFailedException && e.getMessage() != null
                && e.getMessage().contains(Errors.UNKNOWN_MEMBER_ID.message());
    }

    private static List<TaskId> ids(Collection<StreamTask> affected) {
        return affected.stream().map(StreamTask::id).sorted().collect(Collectors.toList());
    }

    /** Aborts the open transaction, if any, ignoring a failure: the producer is about to go. */
    private void abortQuietly() {
        if (exactlyOnce && collector.hasOpenWork()) {
            closeQuietly("open transaction", producer::abortTransaction);
            collector.endTransaction();
        }
    }

    private static boolean isFencing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof FencedInstanceIdException) {
                return true;
            }
        }
        return false;
    }

    private StreamTask createTask(TaskId id) {
        Stage stage = env.topology().stage(id.stage());
        TaskStateBackend backend = null;
        try {
            if (stage.isStateful()) {
                Path directory = env.directory().taskDirectory(env.topology().stateDirectoryName(id));
                backend = TaskStateBackend.open(directory, env.rocksDb(), System::currentTimeMillis);
                TopicPartition changelog = new TopicPartition(
                        stage.changelogTopic(env.config().applicationId()).orElseThrow(), id.partition());
                ChangelogRestorer.Result restored = restorer.restore(backend, changelog);
                LOG.info("Restored task {} from changelog offset {} to {}: replayed {} records, {}", id,
                        restored.fromOffset(), restored.toOffset(), restored.recordsReplayed(),
                        restored.localStateReused() ? "local state reused" : "no local state");
            }
            StreamTask task = new StreamTask(id, env.topology().partitions(stage), env.config().keyGroups(),
                    backend, collector);
            TaskFactory.wire(env.graph(), env.topology(), task, env.config().watermarkInterval().toMillis());
            task.bindMeters(env.meters());
            return task;
        } catch (RuntimeException e) {
            if (backend != null) {
                backend.close();
            }
            throw e;
        }
    }

    private Set<TaskId> localTasks() {
        Map<String, Integer> stageByStore = new HashMap<>();
        for (Stage stage : env.topology().stages()) {
            stage.storeName().ifPresent(store -> stageByStore.put(store, stage.index()));
        }
        Set<TaskId> local = new HashSet<>();
        for (String directory : env.directory().taskDirectoryNames()) {
            int dash = directory.lastIndexOf('-');
            Integer stage = dash > 0 ? stageByStore.get(directory.substring(0, dash)) : null;
            if (stage != null) {
                try {
                    local.add(new TaskId(stage, Integer.parseInt(directory.substring(dash + 1))));
                } catch (NumberFormatException ignored) {
                    // not a task directory
                }
            }
        }
        return local;
    }

    private void closeTasks(Collection<StreamTask> closing, boolean clean) {
        for (StreamTask task : new ArrayList<>(closing)) {
            splits.keySet().removeAll(task.splits());
            tasks.remove(task.id());
            try {
                task.close(clean);
            } catch (RuntimeException e) {
                LOG.warn("Closing {} failed", task, e);
            }
        }
        publishTaskStatus();
    }

    private Set<StreamTask> tasksOf(Collection<TopicPartition> partitions) {
        Set<StreamTask> result = new HashSet<>();
        for (TopicPartition partition : partitions) {
            Split split = splits.get(partition);
            if (split != null) {
                result.add(split.task);
            }
        }
        return result;
    }

    private void rethrowCallbackFailure() {
        RuntimeException failure = callbackFailure;
        if (failure != null) {
            callbackFailure = null;
            throw failure;
        }
    }

    /** The tasks this session owns, as of the last change; safe to read from any thread. */
    Set<TaskId> ownedTasks() {
        return ownedSnapshot;
    }

    /** The tasks with their offsets and lag as of the last checkpoint or change; safe to read from any thread. */
    List<TaskStatus> taskStatus() {
        return taskStatus;
    }

    /** Takes a last checkpoint, closes the tasks and leaves the group, so that others take over at once. */
    void closeCleanly() {
        checkpoint();
        closing = true;
        closeTasks(tasks.values(), true);
        consumerMetrics.close();
        producerMetrics.close();
        consumer.close(leaveGroup());
        producer.close();
        restoreConsumer.close();
        closed = true;
    }

    /** Closes without committing: the open transaction is aborted and staged state dropped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        closeTasks(tasks.values(), false);
        consumerMetrics.close();
        producerMetrics.close();
        // Waits, up to max.block.ms, until the broker has aborted the open transaction: a close
        // that times out (the broker restarting, say) would leave the transaction and sends in
        // flight while the next session of this transactional id begins.
        abortQuietly();
        closeQuietly("consumer", () -> consumer.close(leaveGroup().withTimeout(Duration.ofSeconds(5))));
        closeQuietly("producer", () -> producer.close(Duration.ofSeconds(5)));
        closeQuietly("changelog reader", restoreConsumer::close);
    }

    /**
     * A static member leaves only when asked to: every close that runs (a stop, a session ending
     * in failure) hands the tasks over at once. Only a member that dies without closing, killed
     * or crashed, stays in the group, for its restarted process to take its place. A new object
     * each time: {@code CloseOptions} is mutable.
     */
    private static CloseOptions leaveGroup() {
        return CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }

    private void closeQuietly(String what, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.debug("Closing the {} of {} failed", what, name, e);
        }
    }

    private final class RebalanceListener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            Set<StreamTask> affected = tasksOf(revoked);
            if (closing || affected.isEmpty()) {
                return;
            }
            try {
                checkpoint();
                closeTasks(affected, true);
                LOG.info("{} handed over {} after a checkpoint", name, ids(affected));
            } catch (RuntimeException e) {
                closeTasks(affected, false);
                callbackFailure = e;
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            Set<StreamTask> affected = tasksOf(lost);
            if (closing || affected.isEmpty()) {
                return;
            }
            closeTasks(affected, false);
            callbackFailure = new OwnershipLostException(name + " lost " + ids(affected)
                    + " to another member: its uncommitted work is dropped", null);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (closing || assigned.isEmpty() || callbackFailure != null) {
                return;
            }
            try {
                Map<TaskId, List<TopicPartition>> byTask = new TreeMap<>();
                for (TopicPartition partition : assigned) {
                    TaskId id = env.topology().taskOf(partition);
                    if (id != null && !tasks.containsKey(id)) {
                        byTask.computeIfAbsent(id, t -> new ArrayList<>()).add(partition);
                    }
                }
                if (!byTask.isEmpty() && !tasks.isEmpty()) {
                    // A restore can outlast the transaction timeout: commit the open work first.
                    checkpoint();
                }
                Map<TopicPartition, OffsetAndMetadata> committed = null;
                for (Map.Entry<TaskId, List<TopicPartition>> e : byTask.entrySet()) {
                    StreamTask task = createTask(e.getKey());
                    tasks.put(task.id(), task);
                    if (committed == null && task.watermark().hasEventTime()) {
                        committed = consumer.committed(new HashSet<>(assigned));
                    }
                    for (TopicPartition partition : e.getValue()) {
                        OffsetAndMetadata offset = committed == null ? null : committed.get(partition);
                        splits.put(partition, new Split(partition, task, task.input(partition),
                                consumer.position(partition), offset == null ? "" : offset.metadata()));
                    }
                    restoreWatermark(task);
                }
                publishTaskStatus();
                if (!byTask.isEmpty()) {
                    LOG.info("{} took over tasks {}; it now owns {}", name, byTask.keySet(), tasks.keySet());
                }
            } catch (RuntimeException e) {
                callbackFailure = e;
            }
        }
    }
}
