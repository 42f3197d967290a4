package dev.weir.benchmarks.weir;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.weir.benchmarks.workloads.RunnerArguments;
import dev.weir.config.ErrorPolicy;
import dev.weir.config.ProcessingGuarantee;
import dev.weir.config.RestartStrategy;
import dev.weir.config.WeirConfig;
import dev.weir.runtime.WeirRuntime;
import dev.weir.runtime.WorkerStatus;

/**
 * Weir's runner child JVM of the comparison benchmark: runs one workload exactly-once
 * ({@code weir.checkpoint.interval} = {@code commit-interval-ms}, {@code weir.workers} =
 * {@code parallelism}), prints {@value RunnerArguments#RUNNING_LINE} once the runtime has started, and runs until
 * {@code SIGTERM}, when it closes the runtime with a last checkpoint and exits with 0.
 *
 * <p>A failure is not retried: a record an operator throws on fails its worker
 * ({@code weir.errors.policy=fail}, no restarts), and once every worker has failed the runner
 * prints the failures to standard error and exits with 1. A benchmark run that recovered
 * silently would measure something else than it claims.
 *
 * <p>Arguments: see {@link RunnerArguments}.
 */
public final class WeirRunner {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    private static final long FAILURE_POLL_MILLIS = 200;

    private WeirRunner() {
    }

    /** Runs the workload the arguments name until {@code SIGTERM}. */
    public static void main(String[] args) {
        RunnerArguments arguments;
        try {
            arguments = RunnerArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        WeirRuntime runtime = new WeirRuntime(
                WeirPipelines.of(arguments.workload(), arguments.input(), arguments.output()), config(arguments));
        AtomicBoolean failing = new AtomicBoolean();
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            runtime.close(CLOSE_TIMEOUT);
            if (!failing.get()) {
                // The JVM ends a SIGTERM with 143; a clean stop is what the benchmark asked for.
                Runtime.getRuntime().halt(0);
            }
        }, "weir-bench-stop"));
        try {
            runtime.start();
        } catch (RuntimeException e) {
            fail(failing, e);
            return;
        }
        System.out.println(RunnerArguments.RUNNING_LINE);
        System.out.flush();
        try {
            while (!stopping.await(FAILURE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (runtime.state() == WeirRuntime.State.FAILED) {
                    failing.set(true);
                    System.err.println("every worker of the Weir runtime failed:");
                    for (WorkerStatus worker : runtime.status().workers()) {
                        System.err.println("worker " + worker.index() + ": " + worker.failure().orElse("(no failure)"));
                    }
                    System.exit(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exactly-once configuration of a run. */
    static WeirConfig config(RunnerArguments arguments) {
        return WeirConfig.custom()
                .applicationId(arguments.applicationId())
                .bootstrapServers(arguments.bootstrapServers())
                .stateDir(arguments.stateDir())
                .workers(arguments.parallelism())
                .processingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)
                .checkpointInterval(Duration.ofMillis(arguments.commitIntervalMs()))
                .errorPolicy(ErrorPolicy.FAIL)
                .restartStrategy(RestartStrategy.none())
                .build();
    }

    private static void fail(AtomicBoolean failing, Exception e) {
        failing.set(true);
        e.printStackTrace();
        System.exit(1);
    }
}
