package dev.weir.benchmarks.kstreams;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.weir.benchmarks.workloads.RunnerArguments;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The Kafka Streams side of the comparison benchmark, run in a child JVM of its own:
 * {@code java -cp benchmarks/target/classes:benchmarks/target/lib/* dev.weir.benchmarks.kstreams.KafkaStreamsRunner
 * workload=... bootstrap-servers=... input=... output=... application-id=... state-dir=...
 * [commit-interval-ms=100] [parallelism=1]}.
 *
 * <p>It prints {@value RunnerArguments#RUNNING_LINE} once the client is RUNNING, runs until SIGTERM, then closes
 * the client and exits with 0. A processing failure prints its stack trace to standard error and
 * exits with 1. At exit it prints {@value #DROPPED_LINE_PREFIX}{@code N} to standard error: the
 * records that windowed aggregations dropped as late (stream time past their window's end +
 * grace), which Kafka Streams would otherwise log one warning each for.
 */
public final class KafkaStreamsRunner {

    /** The line printed to standard error at exit, followed by the number of records dropped as late. */
    public static final String DROPPED_LINE_PREFIX = "KAFKA-STREAMS dropped-records-total=";

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    private static final String LATE_RECORD_LOGGER = "org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate";

    private KafkaStreamsRunner() {
    }

    /**
     * Runs the workload until the JVM is told to stop.
     *
     * @param args {@code name=value} arguments, see {@link RunnerArguments}
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        Configurator.setLevel(LATE_RECORD_LOGGER, Level.ERROR);
        KafkaStreams streams = BenchmarkStreams.create(RunnerArguments.parse(args));
        CountDownLatch failed = new CountDownLatch(1);
        AtomicBoolean announced = new AtomicBoolean();
        streams.setUncaughtExceptionHandler(exception -> {
            exception.printStackTrace();
            failed.countDown();
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) -> {
            // A rebalance takes the client back to REBALANCING and then RUNNING again: say it once.
            if (newState == KafkaStreams.State.RUNNING && announced.compareAndSet(false, true)) {
                System.out.println(RunnerArguments.RUNNING_LINE);
                System.out.flush();
            } else if (newState == KafkaStreams.State.ERROR) {
                failed.countDown();
            }
        });
        ExitStatus status = new ExitStatus();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAndHalt(streams, status),
                "kafka-streams-runner-shutdown"));
        streams.start();
        failed.await();
        status.failed();
        System.exit(1);
    }

    /**
     * A JVM ended by SIGTERM exits with 143 whatever its hooks do, unless a hook halts it: the
     * contract wants 0 after a clean close, so the hook halts with the status once closed.
     */
    private static void closeAndHalt(KafkaStreams streams, ExitStatus status) {
        System.err.println(DROPPED_LINE_PREFIX + droppedRecords(streams));
        boolean closed = streams.close(CLOSE_TIMEOUT);
        if (!closed) {
            System.err.println("Kafka Streams did not close within " + CLOSE_TIMEOUT);
            status.failed();
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status.code());
    }

    /** The sum of the tasks' {@code dropped-records-total}, read before the tasks close. */
    private static long droppedRecords(KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("dropped-records-total"))
                .map(Map.Entry::getValue)
                .mapToLong(metric -> ((Number) metric.metricValue()).longValue())
                .sum();
    }

    /** The exit code: 0 until something failed. */
    private static final class ExitStatus {

        private volatile int code;

        void failed() {
            code = 1;
        }

        int code() {
            return code;
        }
    }
}
