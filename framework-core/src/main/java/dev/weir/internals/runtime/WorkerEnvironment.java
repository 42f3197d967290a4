package dev.weir.internals.runtime;

import java.util.concurrent.atomic.AtomicLong;

import dev.weir.config.WeirConfig;
import dev.weir.internals.graph.PipelineGraph;
import dev.weir.internals.metrics.EngineMeters;
import dev.weir.internals.state.SharedRocksDbResources;

/**
 * What every worker of an instance shares.
 *
 * @param deadLettered the count of records sent to the dead-letter topic, instance-wide
 * @param clusterView which instance owns each task, kept up to date by the workers' assignors
 * @param meters the meters the workers record into
 */
record WorkerEnvironment(WeirConfig config, PipelineGraph graph, ResolvedTopology topology, ClientConfigs clients,
                         InstanceDirectory directory, SharedRocksDbResources rocksDb, AtomicLong deadLettered,
                         ClusterView clusterView, EngineMeters meters) {
}
