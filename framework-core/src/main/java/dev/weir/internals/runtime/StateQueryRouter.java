package dev.weir.internals.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.weir.internals.context.OperatorRuntimeContext;
import dev.weir.internals.context.StateHandle;
import dev.weir.internals.context.StateValues;
import dev.weir.internals.graph.KeyByTransformation;
import dev.weir.internals.graph.RepartitionEdge;
import dev.weir.internals.graph.Stage;
import dev.weir.internals.graph.Transformation;
import dev.weir.internals.keygroup.KeyGroups;
import dev.weir.runtime.KeyLocation;
import dev.weir.runtime.QueryableOperator;
import dev.weir.runtime.StateNotLocalException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Finds the task that owns a key of a keyed operator, the instance that runs it, and, when that
 * is this instance, hands the read of the key's state to the worker running the task.
 */
final class StateQueryRouter {

    private final Map<String, KeyedOperator> operators = new LinkedHashMap<>();
    private final ResolvedTopology topology;
    private final int keyGroups;
    private final ClusterView clusterView;
    private final List<StreamWorker> workers;

    /** A keyed operator with what locating its keys takes. */
    private record KeyedOperator(String uid, Stage stage, Serde<?> keySerde, String serializerTopic,
                                 OperatorRuntimeContext context) {
    }

    /** A key's task, key group and bytes. */
    private record KeyAddress(TaskId task, int keyGroup, byte[] key) {
    }

    StateQueryRouter(ResolvedTopology topology, int keyGroups, Map<String, OperatorRuntimeContext> contexts,
                     ClusterView clusterView, List<StreamWorker> workers) {
        this.topology = topology;
        this.keyGroups = keyGroups;
        this.clusterView = clusterView;
        this.workers = workers;
        for (Stage stage : topology.stages()) {
            for (Transformation node : stage.nodes()) {
                OperatorRuntimeContext context = contexts.get(node.uid());
                if (context != null && node.isStateful()) {
                    KeyByTransformation keyBy = (KeyByTransformation) node.inputs().get(0);
                    operators.put(node.uid(), new KeyedOperator(node.uid(), stage, keyBy.keySerde(),
                            serializerTopic(stage, node, keyBy), context));
                }
            }
        }
    }

    /**
     * The topic argument the engine serializes the operator's keys with: the repartition topic
     * when the keys come through one, the operator's uid when the stream was keyed in place.
     */
    private static String serializerTopic(Stage stage, Transformation node, KeyByTransformation keyBy) {
        if (keyBy.repartition()) {
            for (RepartitionEdge edge : stage.inputs()) {
                if (edge.consumer() == node && edge.inputIndex() == 0) {
                    return edge.topic();
                }
            }
        }
        return node.uid();
    }

    List<QueryableOperator> operators() {
        List<QueryableOperator> result = new ArrayList<>();
        for (KeyedOperator operator : operators.values()) {
            Map<String, String> states = new TreeMap<>();
            operator.context().handles().forEach((name, handle) -> states.put(name, StateValues.kindOf(handle)));
            result.add(new QueryableOperator(operator.uid(), operator.keySerde(), states));
        }
        return result;
    }

    KeyLocation locate(String operatorUid, Object key) {
        KeyedOperator operator = operator(operatorUid);
        return location(operator, address(operator, key).task());
    }

    /** Reads the key's entry of the state on the worker that runs its task; fails with {@link StateNotLocalException} if none here does. */
    CompletableFuture<Object> read(String operatorUid, String stateName, Object key) {
        KeyedOperator operator = operator(operatorUid);
        StateHandle<?> handle = operator.context().handles().get(stateName);
        if (handle == null) {
            throw new IllegalArgumentException("operator '" + operatorUid + "' has no state '" + stateName
                    + "'; it has " + operator.context().handles().keySet());
        }
        KeyAddress address = address(operator, key);
        return readOnOwner(operator, handle, address).exceptionallyCompose(e -> {
            // The task moved to another worker of this instance while the read waited: once more.
            return unwrap(e) instanceof TaskNotOwnedException ? readOnOwner(operator, handle, address)
                    : CompletableFuture.failedFuture(unwrap(e));
        }).exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e) instanceof TaskNotOwnedException
                ? new StateNotLocalException(location(operator, address.task())) : unwrap(e)));
    }

    private CompletableFuture<Object> readOnOwner(KeyedOperator operator, StateHandle<?> handle, KeyAddress address) {
        Optional<StreamWorker> owner = workers.stream().filter(w -> w.ownedTasks().contains(address.task())).findFirst();
        if (owner.isEmpty()) {
            return CompletableFuture.failedFuture(new TaskNotOwnedException(address.task()));
        }
        StateRead read = new StateRead(address.task(), handle, address.keyGroup(), address.key(), new CompletableFuture<>());
        owner.get().submit(read);
        return read.result();
    }

    private KeyLocation location(KeyedOperator operator, TaskId task) {
        boolean local = workers.stream().anyMatch(w -> w.ownedTasks().contains(task));
        Optional<ClusterView.Owner> owner = clusterView.ownerOf(task);
        return new KeyLocation(operator.uid(), task.toString(), owner.map(ClusterView.Owner::instanceId),
                owner.map(ClusterView.Owner::endpoint).filter(e -> !e.isEmpty()), local);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private KeyAddress address(KeyedOperator operator, Object key) {
        if (key == null) {
            throw new IllegalArgumentException("a state query needs a key");
        }
        byte[] bytes;
        try {
            bytes = ((Serializer) operator.keySerde().serializer()).serialize(operator.serializerTopic(), key);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("key " + key + " (" + key.getClass().getName()
                    + ") is not of operator '" + operator.uid() + "''s key type", e);
        }
        int keyGroup = KeyGroups.keyGroupOf(bytes, keyGroups);
        int partition = KeyGroups.partitionOf(keyGroup, topology.partitions(operator.stage()));
        return new KeyAddress(new TaskId(operator.stage().index(), partition), keyGroup, bytes);
    }

    private KeyedOperator operator(String uid) {
        KeyedOperator operator = operators.get(uid);
        if (operator == null) {
            throw new IllegalArgumentException("no keyed operator has uid '" + uid + "'; queryable operators are "
                    + operators.keySet());
        }
        return operator;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
