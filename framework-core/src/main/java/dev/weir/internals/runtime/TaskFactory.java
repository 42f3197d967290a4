package dev.weir.internals.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.FilterFunction;
import dev.weir.functions.FlatMapFunction;
import dev.weir.functions.KeySelector;
import dev.weir.functions.KeyedCoProcessFunction;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.MapFunction;
import dev.weir.internals.eventtime.NoSplitWatermark;
import dev.weir.internals.eventtime.SourceSplitWatermark;
import dev.weir.internals.eventtime.UpstreamWatermarks;
import dev.weir.internals.eventtime.WatermarkEmitter;
import dev.weir.internals.graph.IntervalJoinTransformation;
import dev.weir.internals.graph.KeyByTransformation;
import dev.weir.internals.graph.KeyedCoProcessTransformation;
import dev.weir.internals.graph.KeyedProcessTransformation;
import dev.weir.internals.graph.PipelineGraph;
import dev.weir.internals.graph.RepartitionEdge;
import dev.weir.internals.graph.SinkTransformation;
import dev.weir.internals.graph.SourceTransformation;
import dev.weir.internals.graph.Stage;
import dev.weir.internals.graph.StatelessTransformation;
import dev.weir.internals.graph.Transformation;
import dev.weir.internals.graph.UnionTransformation;
import dev.weir.internals.graph.WindowTransformation;
import dev.weir.internals.joining.IntervalJoinOperator;
import dev.weir.internals.operators.FanOut;
import dev.weir.internals.operators.FilterOperator;
import dev.weir.internals.operators.FlatMapOperator;
import dev.weir.internals.operators.KeySelectingOutput;
import dev.weir.internals.operators.KeyedCoProcessOperator;
import dev.weir.internals.operators.KeyedInput;
import dev.weir.internals.operators.KeyedProcessOperator;
import dev.weir.internals.operators.MapOperator;
import dev.weir.internals.operators.Output;
import dev.weir.internals.operators.RepartitionSplitInput;
import dev.weir.internals.operators.RepartitionWriter;
import dev.weir.internals.operators.SinkOperator;
import dev.weir.internals.operators.SourceSplitInput;
import dev.weir.kafka.KafkaSink;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;

/**
 * Instantiates the operators of a stage for one task and wires them: chained outputs, split
 * inputs, sinks and repartition writers. The user functions are shared; the operator objects
 * around them are the task's own.
 */
final class TaskFactory {

    private final PipelineGraph graph;
    private final ResolvedTopology topology;
    private final Stage stage;
    private final StreamTask task;
    private final Map<Transformation, Object> operators = new HashMap<>();

    private TaskFactory(PipelineGraph graph, ResolvedTopology topology, StreamTask task) {
        this.graph = graph;
        this.topology = topology;
        this.stage = topology.stage(task.id().stage());
        this.task = task;
    }

    /**
     * Builds the operators of {@code task}, registers its split inputs with their watermarks and,
     * if the stage has event time and writes repartition topics, its watermark emitter.
     *
     * @param watermarkIntervalMillis the least time between two watermark emissions
     */
    static void wire(PipelineGraph graph, ResolvedTopology topology, StreamTask task, long watermarkIntervalMillis) {
        new TaskFactory(graph, topology, task).wire(watermarkIntervalMillis);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void wire(long watermarkIntervalMillis) {
        int partition = task.id().partition();
        long now = System.currentTimeMillis();
        for (SourceTransformation source : stage.sources()) {
            WatermarkStrategy strategy = source.watermarkStrategy();
            SourceSplitWatermark watermark = strategy == null ? null : new SourceSplitWatermark(
                    strategy.outOfOrderness().toMillis(),
                    ((Optional<Duration>) strategy.idleness()).map(Duration::toMillis).orElse(-1L), now);
            task.addInput(new TopicPartition(source.source().topic(), partition),
                    new SourceSplitInput<>(source.uid(), source.source().deserializer(), strategy, watermark, task,
                            outputOf(source)),
                    watermark == null ? new NoSplitWatermark() : watermark, watermark != null);
        }
        for (RepartitionEdge edge : stage.inputs()) {
            Stage upstream = topology.upstreamOf(edge);
            UpstreamWatermarks watermarks = new UpstreamWatermarks(topology.partitions(upstream));
            task.addInput(new TopicPartition(edge.topic(), partition), repartitionInput(edge, watermarks),
                    watermarks, topology.hasEventTime(upstream));
        }
        task.orderOperators(stage.nodes().stream().map(Transformation::uid).toList());
        if (!stage.outputs().isEmpty() && topology.hasEventTime(stage)) {
            Map<String, Integer> outputs = new HashMap<>();
            stage.outputs().forEach(edge -> outputs.put(edge.topic(), topology.partitions(edge.topic())));
            task.emitWatermarksWith(new WatermarkEmitter(partition, outputs, watermarkIntervalMillis));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private RepartitionSplitInput<?, ?> repartitionInput(RepartitionEdge edge, UpstreamWatermarks watermarks) {
        KeyByTransformation keyBy = edge.keyBy();
        Serde keySerde = keyBy.keySerde();
        Serde valueSerde = keyBy.valueSerde();
        return new RepartitionSplitInput(edge.consumer().uid(), keySerde.deserializer(), valueSerde.deserializer(),
                task.keyGroups(), watermarks, keyedInput(edge.consumer(), edge.inputIndex()));
    }

    /** The output through which {@code node} feeds its consumers in this stage. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output outputOf(Transformation node) {
        List<Output> outputs = new ArrayList<>();
        for (Transformation consumer : graph.consumersOf(node)) {
            outputs.add(entryOf(consumer));
        }
        return FanOut.of((List) outputs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output entryOf(Transformation consumer) {
        if (consumer instanceof UnionTransformation) {
            return (Output) memo(consumer, () -> outputOf(consumer));
        }
        if (consumer instanceof StatelessTransformation) {
            return (Output) memo(consumer, () -> stateless((StatelessTransformation) consumer));
        }
        if (consumer instanceof SinkTransformation) {
            KafkaSink sink = ((SinkTransformation) consumer).sink();
            return new SinkOperator(consumer.uid(), sink.topic(), sink.serializer(), task);
        }
        if (consumer instanceof KeyByTransformation) {
            return keyByEntry((KeyByTransformation) consumer);
        }
        throw new IllegalStateException("cannot chain into " + consumer);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output stateless(StatelessTransformation node) {
        Output next = outputOf(node);
        switch (node.operation()) {
            case MAP:
                return new MapOperator(node.uid(), (MapFunction) node.function(), next);
            case FILTER:
                return new FilterOperator(node.uid(), (FilterFunction) node.function(), next);
            default:
                return new FlatMapOperator(node.uid(), (FlatMapFunction) node.function(), next);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output keyByEntry(KeyByTransformation keyBy) {
        List<Output> outputs = new ArrayList<>();
        Serde keySerde = keyBy.keySerde();
        KeySelector selector = keyBy.keySelector();
        if (keyBy.repartition()) {
            for (RepartitionEdge edge : stage.outputs()) {
                if (edge.keyBy() == keyBy) {
                    outputs.add(new RepartitionWriter(keyBy.uid(), edge.topic(), topology.partitions(edge.topic()),
                            selector, keySerde.serializer(), keyBy.valueSerde().serializer(), task));
                }
            }
        } else {
            for (Transformation consumer : graph.consumersOf(keyBy)) {
                outputs.add(new KeySelectingOutput(consumer.uid(), selector, keySerde.serializer(),
                        keyedInput(consumer, consumer.inputs().indexOf(keyBy)), task));
            }
        }
        return FanOut.of((List) outputs);
    }

    /** One operator object per node and task, although a node may be reached along several edges. */
    private Object memo(Transformation node, Supplier<Object> factory) {
        Object operator = operators.get(node);
        if (operator == null) {
            operator = factory.get();
            operators.put(node, operator);
        }
        return operator;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private KeyedInput keyedInput(Transformation consumer, int inputIndex) {
        if (consumer instanceof KeyedProcessTransformation) {
            return (KeyedInput) memo(consumer, () -> {
                KeyedProcessTransformation node = (KeyedProcessTransformation) consumer;
                Serde keySerde = ((KeyByTransformation) node.inputs().get(0)).keySerde();
                return new KeyedProcessOperator(node.uid(), (KeyedProcessFunction) node.function(),
                        keySerde.deserializer(), outputOf(node), task);
            });
        }
        if (consumer instanceof KeyedCoProcessTransformation) {
            KeyedCoProcessOperator operator = (KeyedCoProcessOperator) memo(consumer, () -> {
                KeyedCoProcessTransformation node = (KeyedCoProcessTransformation) consumer;
                Serde keySerde = ((KeyByTransformation) node.inputs().get(0)).keySerde();
                return new KeyedCoProcessOperator(node.uid(), (KeyedCoProcessFunction) node.function(),
                        keySerde.deserializer(), outputOf(node), task);
            });
            return inputIndex == 0 ? operator.first() : operator.second();
        }
        if (consumer instanceof IntervalJoinTransformation) {
            IntervalJoinOperator operator = (IntervalJoinOperator) memo(consumer, () -> ((IntervalJoinTransformation) consumer)
                    .createOperator(outputOf(consumer), task, topology.lateDataTopic()));
            return inputIndex == 0 ? operator.left() : operator.right();
        }
        if (consumer instanceof WindowTransformation) {
            return (KeyedInput) memo(consumer, () -> {
                WindowTransformation node = (WindowTransformation) consumer;
                Serde keySerde = ((KeyByTransformation) node.inputs().get(0)).keySerde();
                return node.createOperator(keySerde.deserializer(), outputOf(node), task, topology.lateDataTopic());
            });
        }
        throw new IllegalStateException("a keyed stream can feed only keyed operators, not " + consumer);
    }
}
