package dev.weir.internals.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.weir.config.WeirConfig;
import dev.weir.internals.context.OperatorRuntimeContext;
import dev.weir.internals.graph.KeyedCoProcessTransformation;
import dev.weir.internals.graph.KeyedProcessTransformation;
import dev.weir.internals.graph.PipelineGraph;
import dev.weir.internals.graph.StagePlanner;
import dev.weir.internals.graph.Transformation;
import dev.weir.internals.graph.WindowTransformation;
import dev.weir.internals.metrics.EngineMeters;
import dev.weir.internals.state.RocksDbNativeLibrary;
import dev.weir.internals.state.SharedRocksDbResources;
import dev.weir.runtime.KeyLocation;
import dev.weir.runtime.QueryableOperator;
import dev.weir.runtime.WorkerStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started instance: its topology, its shared resources and its worker threads. */
public final class InstanceRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceRuntime.class);
    /** Under {@code weir.state-dir}, beside the applications' directories; a leading dot keeps it clear of their names. */
    private static final String NATIVE_LIBRARY_DIRECTORY = ".rocksdb-native";

    private final WorkerEnvironment env;
    private final List<StreamWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final StateQueryRouter queries;

    private InstanceRuntime(WorkerEnvironment env, Map<String, OperatorRuntimeContext> contexts) {
        this.env = env;
        this.queries = new StateQueryRouter(env.topology(), env.config().keyGroups(), contexts, env.clusterView(),
                workers);
    }

    /** Provisions topics, opens the operators and starts the workers, which record into {@code meterRegistry}. */
    public static InstanceRuntime start(PipelineGraph graph, WeirConfig config, MeterRegistry meterRegistry) {
        ClientConfigs clients = new ClientConfigs(config);
        ResolvedTopology topology;
        try (Admin admin = Admin.create(clients.admin(config.applicationId() + "-admin"))) {
            topology = new TopicProvisioner(admin, config).provision(StagePlanner.plan(graph, config.applicationId()));
        }
        InstanceDirectory directory = InstanceDirectory.open(config.stateDir(), config.applicationId(),
                config.instanceId().orElse(null));
        SharedRocksDbResources rocksDb = null;
        try {
            RocksDbNativeLibrary.load(config.stateDir().resolve(NATIVE_LIBRARY_DIRECTORY));
            rocksDb = SharedRocksDbResources.create(config.stateMemoryBytes());
            Map<String, OperatorRuntimeContext> contexts = openFunctions(graph, config.applicationId());
            EngineMeters meters = new EngineMeters(meterRegistry, config.applicationId(), directory.instanceId());
            meters.bindStateMemory(rocksDb::memoryUsage, rocksDb.memoryBytes());
            InstanceRuntime instance = new InstanceRuntime(new WorkerEnvironment(config, graph, topology, clients,
                    directory, rocksDb, new AtomicLong(), new ClusterView(), meters), contexts);
            instance.startWorkers();
            LOG.info("Weir instance {} of application {} started: {} workers, {} stages, reading {}",
                    directory.instanceId(), config.applicationId(), config.workers(), topology.stages().size(),
                    topology.sourceTopics());
            return instance;
        } catch (RuntimeException e) {
            if (rocksDb != null) {
                rocksDb.close();
            }
            directory.close();
            throw e;
        }
    }

    /** Opens every keyed function, and returns the runtime context each got, by operator uid. */
    private static Map<String, OperatorRuntimeContext> openFunctions(PipelineGraph graph, String applicationId) {
        AtomicInteger slots = new AtomicInteger();
        Map<String, OperatorRuntimeContext> contexts = new HashMap<>();
        for (Transformation node : graph.nodes()) {
            OperatorRuntimeContext context = new OperatorRuntimeContext(applicationId, node.uid(), slots);
            try {
                if (node instanceof KeyedProcessTransformation) {
                    ((KeyedProcessTransformation) node).function().open(context);
                    contexts.put(node.uid(), context);
                } else if (node instanceof KeyedCoProcessTransformation) {
                    ((KeyedCoProcessTransformation) node).function().open(context);
                    contexts.put(node.uid(), context);
                } else if (node instanceof WindowTransformation) {
                    ((WindowTransformation) node).function().open(context);
                    contexts.put(node.uid(), context);
                }
            } catch (Exception e) {
                throw new IllegalStateException("opening operator " + node + " failed: " + e, e);
            }
        }
        return contexts;
    }

    private static void closeFunctions(PipelineGraph graph) {
        for (Transformation node : graph.nodes()) {
            try {
                if (node instanceof KeyedProcessTransformation) {
                    ((KeyedProcessTransformation) node).function().close();
                } else if (node instanceof KeyedCoProcessTransformation) {
                    ((KeyedCoProcessTransformation) node).function().close();
                } else if (node instanceof WindowTransformation) {
                    ((WindowTransformation) node).function().close();
                }
            } catch (Exception e) {
                LOG.warn("Closing operator {} failed", node, e);
            }
        }
    }

    private void startWorkers() {
        for (int i = 0; i < env.config().workers(); i++) {
            StreamWorker worker = new StreamWorker(env, i);
            Thread thread = new Thread(worker, "weir-" + env.config().applicationId() + "-worker-" + i);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
    }

    /** The meters the workers record into. */
    public EngineMeters meters() {
        return env.meters();
    }

    public String instanceId() {
        return env.directory().instanceId();
    }

    public AtomicLong deadLettered() {
        return env.deadLettered();
    }

    /** The tasks owned by the workers now. */
    public Set<TaskId> ownedTasks() {
        Set<TaskId> owned = new HashSet<>();
        workers.forEach(w -> owned.addAll(w.ownedTasks()));
        return owned;
    }

    public boolean allWorkersFailed() {
        return workers.stream().allMatch(w -> w.phase() == WorkerStatus.Phase.FAILED);
    }

    /** A snapshot of every worker. */
    public List<WorkerStatus> workerStatus() {
        List<WorkerStatus> status = new ArrayList<>();
        workers.forEach(w -> status.add(w.status()));
        return status;
    }

    /** Asks every worker for a checkpoint now; completes when each completed one that started after this call. */
    public CompletableFuture<Void> triggerCheckpoint() {
        return CompletableFuture.allOf(workers.stream().map(StreamWorker::requestCheckpoint)
                .toArray(CompletableFuture[]::new));
    }

    /** The keyed operators whose state can be queried. */
    public List<QueryableOperator> queryableOperators() {
        return queries.operators();
    }

    /** Where the state of {@code key} of a keyed operator lives. */
    public KeyLocation locateKey(String operatorUid, Object key) {
        return queries.locate(operatorUid, key);
    }

    /** Reads one key's entry of a state, on the worker of this instance that runs the key's task. */
    public CompletableFuture<Object> readState(String operatorUid, String stateName, Object key) {
        return queries.read(operatorUid, stateName, key);
    }

    /** Stops the workers (each with a last checkpoint), then releases the shared resources. */
    public void close(Duration timeout) {
        workers.forEach(StreamWorker::requestStop);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within {}", thread.getName(), timeout);
            }
        }
        closeFunctions(env.graph());
        if (threads.stream().noneMatch(Thread::isAlive)) {
            env.rocksDb().close();
        }
        env.directory().close();
        env.meters().close();
        LOG.info("Weir instance {} stopped", instanceId());
    }
}
