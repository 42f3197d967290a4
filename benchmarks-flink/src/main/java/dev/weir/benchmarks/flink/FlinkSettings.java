package dev.weir.benchmarks.flink;

import java.time.Duration;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.state.rocksdb.RocksDBOptions;

/** The Flink configuration of one benchmark run, as a user would put it in config.yaml. */
final class FlinkSettings {

    private FlinkSettings() {
    }

    /**
     * Exactly-once checkpoints every {@code commit-interval-ms} into {@code state-dir/checkpoints}, the
     * embedded RocksDB state backend with incremental checkpoints and its files under
     * {@code state-dir/rocksdb}, one MiniCluster slot per parallel instance, and no restarts: a failure
     * ends the job (and the runner with exit code 1) instead of being retried.
     *
     * @param args the runner's arguments
     * @return the configuration for the local environment
     */
    static Configuration forRun(RunnerArguments args) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, args.parallelism());
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, args.parallelism());
        conf.set(CoreOptions.TMP_DIRS, args.stateDir().resolve("tmp").toString());

        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(args.commitIntervalMs()));
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                args.stateDir().resolve("checkpoints").toUri().toString());
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(RocksDBOptions.LOCAL_DIRECTORIES, args.stateDir().resolve("rocksdb").toString());

        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "disable");
        // Every type in these jobs has a Flink serializer; Kryo showing up would be a mistake to hear about.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Several runners (and tests) may share the machine: no fixed REST port.
        conf.set(RestOptions.BIND_PORT, "0");
        return conf;
    }
}
