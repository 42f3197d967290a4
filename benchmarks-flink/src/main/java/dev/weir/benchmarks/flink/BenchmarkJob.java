package dev.weir.benchmarks.flink;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Builds one workload's job, KafkaSource → workload → KafkaSink, and submits it to a local MiniCluster. */
public final class BenchmarkJob {

    /** The out-of-orderness bound of every windowed workload, equal to the grace of the other systems. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);

    private BenchmarkJob() {
    }

    /**
     * Starts the job on a MiniCluster in this JVM and returns once it is submitted. The MiniCluster shuts
     * down when the job ends (cancelled or failed).
     *
     * @param args the runner's arguments
     * @return the client to follow or cancel the job with
     * @throws Exception if the job cannot be built or submitted
     * @throws IllegalArgumentException if a windowed workload is given a higher parallelism than the input
     *                                  has partitions
     */
    public static JobClient start(RunnerArguments args) throws Exception {
        if (args.workload().isWindowed()) {
            requireAPartitionPerSourceInstance(args);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(FlinkSettings.forRun(args));
        addTo(env, args);
        return env.executeAsync("weir-benchmark-" + args.workload().label());
    }

    /**
     * A source instance that is assigned no partition never emits a watermark, and the minimum over the
     * instances then holds every window open forever: windowed output would silently never come. (A Flink
     * user would add idleness to the watermark strategy or lower the source's parallelism; both change what
     * is measured, so the runner refuses instead.)
     */
    private static void requireAPartitionPerSourceInstance(RunnerArguments args) throws Exception {
        int partitions = KafkaEndpoints.inputPartitions(args);
        if (args.parallelism() > partitions) {
            throw new IllegalArgumentException("parallelism=" + args.parallelism() + " exceeds the " + partitions
                    + " partitions of " + args.input() + ": the source instances without a partition would hold"
                    + " the watermark back and no window would ever close");
        }
    }

    /**
     * Adds the job's operators to an environment.
     *
     * @param env  the environment
     * @param args the runner's arguments
     */
    static void addTo(StreamExecutionEnvironment env, RunnerArguments args) {
        // No timestamp assigner: KafkaSource already gives each element its Kafka record timestamp.
        WatermarkStrategy<KafkaText> eventTime = WatermarkStrategy.forBoundedOutOfOrderness(OUT_OF_ORDERNESS);
        DataStream<KafkaText> input = env.fromSource(KafkaEndpoints.source(args), eventTime, "kafka-input")
                .uid("kafka-input");
        args.workload().apply(input)
                .sinkTo(KafkaEndpoints.sink(args))
                .name("kafka-output")
                .uid("kafka-output");
    }
}
