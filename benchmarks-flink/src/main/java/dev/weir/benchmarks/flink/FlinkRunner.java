package dev.weir.benchmarks.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;

/**
 * The comparison benchmark's Flink runner: runs one workload as a Flink job on a MiniCluster inside this
 * JVM until SIGTERM.
 *
 * <p>Arguments (all {@code name=value}, see {@link RunnerArguments}): {@code workload= bootstrap-servers=
 * input= output= application-id= state-dir= [commit-interval-ms=100] [parallelism=1]}. Once the job runs
 * it prints {@value #RUNNING_LINE} to standard output. SIGTERM stops the job as {@code flink stop} does:
 * with a final savepoint (under {@code state-dir/savepoints}) whose completion commits the sink's last
 * transaction and the source's offsets, so no transaction is left open on the output; the process then
 * exits with code 0. Should the savepoint fail, the job is cancelled instead (its open transaction then
 * stays open until the transaction timeout). If the job fails, the stack trace goes to standard error and
 * the exit code is 1.
 *
 * <p>Class path: {@code benchmarks-flink/target/classes:benchmarks-flink/target/lib/*} (after
 * {@code mvn -pl benchmarks-flink package}). Start it with the module options that Flink's own start
 * scripts pass on Java 17 ({@code env.java.opts.all} in Flink's default config.yaml), so that it runs as
 * Flink's JobManager and TaskManagers would. (These five jobs were also seen to run without them, as they
 * avoid Kryo and Flink's table planner; the options are insurance, not a known need.) They are one per
 * line in the class-path resource {@value #JVM_OPTIONS_RESOURCE} and returned by {@link #jvmOptions()}:
 * <pre>
 * --add-exports=java.base/sun.net.util=ALL-UNNAMED
 * --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
 * --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
 * --add-opens=java.base/java.lang=ALL-UNNAMED
 * --add-opens=java.base/java.net=ALL-UNNAMED
 * --add-opens=java.base/java.io=ALL-UNNAMED
 * --add-opens=java.base/java.nio=ALL-UNNAMED
 * --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 * --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 * --add-opens=java.base/java.text=ALL-UNNAMED
 * --add-opens=java.base/java.time=ALL-UNNAMED
 * --add-opens=java.base/java.util=ALL-UNNAMED
 * --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 * --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
 * --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
 * </pre>
 */
public final class FlinkRunner {

    /** The line printed to standard output once the job runs. */
    public static final String RUNNING_LINE = "WEIR-BENCH-RUNNING";

    /** The class-path resource listing the JVM options to start FlinkRunner with, one per line. */
    public static final String JVM_OPTIONS_RESOURCE = "flink-jvm-options.txt";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final JobClient job;
    private final Path savepoints;
    private volatile boolean stopping;
    private volatile boolean failed;

    private FlinkRunner(JobClient job, Path savepoints) {
        this.job = job;
        this.savepoints = savepoints;
    }

    /**
     * Runs the job until SIGTERM or a failure.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        RunnerArguments arguments;
        JobClient job;
        try {
            arguments = RunnerArguments.parse(args);
            job = BenchmarkJob.start(arguments);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        FlinkRunner runner = new FlinkRunner(job, arguments.stateDir().resolve("savepoints"));
        Runtime.getRuntime().addShutdownHook(new Thread(runner::stop, "flink-runner-shutdown"));
        runner.run();
    }

    /**
     * The JVM options to start FlinkRunner with on Java 17, read from {@value #JVM_OPTIONS_RESOURCE}.
     *
     * @return the options, e.g. {@code --add-opens=java.base/java.util=ALL-UNNAMED}
     */
    public static List<String> jvmOptions() {
        try (InputStream in = FlinkRunner.class.getClassLoader().getResourceAsStream(JVM_OPTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(JVM_OPTIONS_RESOURCE + " is not on the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        try {
            awaitRunning();
        } catch (Exception e) {
            fail(e);
            return;
        }
        System.out.println(RUNNING_LINE);
        System.out.flush();
        try {
            job.getJobExecutionResult().get();
            fail(new IllegalStateException("the job finished, but a Kafka source never does"));
        } catch (Exception e) {
            fail(e);
        }
    }

    private void awaitRunning() throws Exception {
        JobStatus status = job.getJobStatus().get();
        while (status != JobStatus.RUNNING) {
            if (status.isTerminalState()) {
                // Its result carries the failure.
                job.getJobExecutionResult().get();
                throw new IllegalStateException("the job ended before it ran: " + status);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
            status = job.getJobStatus().get();
        }
    }

    /** The job ended; unless SIGTERM ended it, that is a failure. */
    private void fail(Throwable failure) {
        if (stopping) {
            // The shutdown hook stopped the job and ends the process.
            return;
        }
        failed = true;
        failure.printStackTrace();
        System.exit(1);
    }

    /** On SIGTERM: stop the job with a savepoint (or cancel it), wait until it has ended, exit with 0. */
    private void stop() {
        if (failed) {
            return;
        }
        stopping = true;
        int exitCode = 0;
        try {
            stopWithSavepointOrCancel();
            // Ended means every task has closed, the sink's producers included.
            job.getJobExecutionResult()
                    .handle((result, failure) -> result)
                    .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        System.out.flush();
        System.err.flush();
        // A JVM ended by SIGTERM exits with 143 however cleanly its hooks finish; the contract says 0.
        Runtime.getRuntime().halt(exitCode);
    }

    private void stopWithSavepointOrCancel() throws Exception {
        try {
            job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.DEFAULT)
                    .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("stop with savepoint failed, cancelling the job instead: " + e);
            job.cancel().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
