package dev.weir.spring.internals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.weir.config.WeirConfigException;
import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.AggregateFunction;
import dev.weir.functions.KeySelector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.KeyedStream;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.pipeline.WindowedStream;
import dev.weir.spring.boot.SerdeResolver;
import dev.weir.spring.boot.WeirProperties;
import dev.weir.windowing.TimeWindow;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.springframework.core.ResolvableType;

/**
 * Builds one pipeline from the {@link dev.weir.spring.annotation.WeirOperator} beans. Each input
 * topic is read once; its records are deserialized once per key and value type, in a map named
 * {@code <topic>-records} (keyed by the record key) or {@code <topic>-values} (keyed by the
 * operator's selector), so that a record that does not deserialize reaches the dead-letter topic
 * under that name. Operators keyed by the record key share one keyed stream and so one task. A
 * windowed operator's windows keep the elements, or the accumulator of the bean's aggregate
 * function; its input topic must be read in event time if its windows are.
 */
public final class PipelineAssembler {

    private final SerdeResolver serdes;
    private final Map<String, WeirProperties.Source> sources;
    private final PipelineBuilder builder = new PipelineBuilder();

    private PipelineAssembler(SerdeResolver serdes, Map<String, WeirProperties.Source> sources) {
        this.serdes = serdes;
        this.sources = sources;
    }

    /**
     * The pipeline of {@code registry}'s operators, with serdes from {@code serdes}; a topic with
     * an out-of-orderness in {@code sources} is read in event time, from its records' timestamps.
     */
    public static Pipeline assemble(WeirOperatorRegistry registry, SerdeResolver serdes,
                                    Map<String, WeirProperties.Source> sources) {
        PipelineAssembler assembler = new PipelineAssembler(serdes, sources);
        Map<String, List<OperatorEndpoint>> byTopic = new LinkedHashMap<>();
        registry.endpoints().forEach(e -> byTopic.computeIfAbsent(e.input(), t -> new ArrayList<>()).add(e));
        byTopic.forEach(assembler::readTopic);
        return assembler.builder.build();
    }

    private void readTopic(String topic, List<OperatorEndpoint> endpoints) {
        KafkaSource<ConsumerRecord<byte[], byte[]>> source = KafkaSource.of(topic, record -> record);
        WeirProperties.Source eventTime = sources.get(topic);
        boolean readsEventTime = eventTime != null && eventTime.getWatermark().getOutOfOrderness() != null;
        for (OperatorEndpoint endpoint : endpoints) {
            if (endpoint.windowed() && endpoint.window().eventTime() && !readsEventTime) {
                throw new WeirConfigException("weir.sources." + topic + ".watermark.out-of-orderness", "@WeirOperator '"
                        + endpoint.uid() + "' evaluates event-time windows of topic '" + topic + "', which is read "
                        + "without event time, so its windows would never close; set how far out of order the "
                        + "topic's timestamps may come (5s, say), or make the windows @WeirWindow(time = PROCESSING)");
            }
        }
        DataStream<ConsumerRecord<byte[], byte[]>> records = readsEventTime
                ? builder.source(source, watermarks(topic, eventTime.getWatermark())) : builder.source(source);
        // By the types' names: ResolvableTypes of one type found in different classes are not equal.
        Map<List<String>, List<OperatorEndpoint>> byKeyAndValue = new LinkedHashMap<>();
        Map<String, List<OperatorEndpoint>> byValue = new LinkedHashMap<>();
        for (OperatorEndpoint endpoint : endpoints) {
            if (endpoint.selectsKey()) {
                byValue.computeIfAbsent(endpoint.inputType().toString(), t -> new ArrayList<>()).add(endpoint);
            } else {
                byKeyAndValue.computeIfAbsent(List.of(endpoint.keyType().toString(), endpoint.inputType().toString()),
                        t -> new ArrayList<>()).add(endpoint);
            }
        }
        int group = 0;
        for (List<OperatorEndpoint> sameTypes : byKeyAndValue.values()) {
            keyedByRecordKey(records, uid(topic + "-records", group++), sameTypes);
        }
        group = 0;
        for (List<OperatorEndpoint> sameType : byValue.values()) {
            keyedBySelector(records, uid(topic + "-values", group++), sameType);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void keyedByRecordKey(DataStream<ConsumerRecord<byte[], byte[]>> records, String uid,
                                  List<OperatorEndpoint> endpoints) {
        OperatorEndpoint first = endpoints.get(0);
        Serde keySerde = serdes.serdeFor(first.keyType());
        Deserializer<Object> keys = keySerde.deserializer();
        Deserializer<Object> values = (Deserializer<Object>) serdes.serdeFor(first.inputType()).deserializer();
        KeyedStream<KeyValue<Object, Object>, Object> keyed = records
                .map(r -> KeyValue.of(keys.deserialize(r.topic(), r.headers(), r.key()),
                        values.deserialize(r.topic(), r.headers(), r.value())))
                .uid(uid)
                .reinterpretAsKeyed(KeyValue::key, keySerde);
        Serde<KeyValue<Object, Object>> elementSerde = new KeyValueSerde<>(keySerde,
                serdes.serdeFor(first.inputType()));
        for (OperatorEndpoint endpoint : endpoints) {
            Function<KeyValue<Object, Object>, Object> valueOf = KeyValue::value;
            write(endpoint, evaluate(endpoint, keyed, valueOf, elementSerde));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void keyedBySelector(DataStream<ConsumerRecord<byte[], byte[]>> records, String uid,
                                 List<OperatorEndpoint> endpoints) {
        Serde valueSerde = serdes.serdeFor(endpoints.get(0).inputType());
        Deserializer<Object> values = valueSerde.deserializer();
        DataStream<Object> elements = records.map(r -> values.deserialize(r.topic(), r.headers(), r.value())).uid(uid);
        for (OperatorEndpoint endpoint : endpoints) {
            KeySelector<Object, Object> selector = (KeySelector<Object, Object>) endpoint.function();
            Serde keySerde = serdes.serdeFor(endpoint.keyType());
            KeyedStream<Object, Object> keyed = endpoint.repartition()
                    ? elements.keyBy(selector, keySerde, valueSerde)
                    : elements.reinterpretAsKeyed(selector, keySerde);
            write(endpoint, evaluate(endpoint, keyed, Function.identity(), valueSerde));
        }
    }

    /**
     * Runs {@code endpoint}'s bean on {@code keyed}: as a keyed process function, or on the
     * windows it declares.
     *
     * @param valueOf what the bean takes of each element
     * @param elementSerde how windows that keep their elements store them
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <E> DataStream<Object> evaluate(OperatorEndpoint endpoint, KeyedStream<E, Object> keyed,
                                            Function<E, Object> valueOf, Serde<E> elementSerde) {
        OperatorStates states = new OperatorStates(endpoint, serdes);
        if (!endpoint.windowed()) {
            return keyed.process(new OperatorFunction<>((KeyedProcessFunction<Object, Object, Object>) endpoint.function(),
                    valueOf, states)).uid(endpoint.uid());
        }
        WindowSpec spec = endpoint.window();
        WindowedStream<E, Object, TimeWindow> windows = keyed.window(spec.assigner());
        if (!spec.allowedLateness().isZero()) {
            windows.allowedLateness(spec.allowedLateness());
        }
        if (spec.dropLateData()) {
            windows.dropLateData();
        }
        ProcessWindowFunction<Object, Object, Object, TimeWindow> bean =
                (ProcessWindowFunction<Object, Object, Object, TimeWindow>) endpoint.function();
        if (spec.aggregates()) {
            Serde accumulators = serdes.serdeFor(spec.accumulatorType());
            return windows.aggregate(new ValueAggregate<>((AggregateFunction) endpoint.function(), valueOf), accumulators,
                    new OperatorWindowFunction<>(bean, Function.identity(), states)).uid(endpoint.uid());
        }
        return windows.process(new OperatorWindowFunction<>(bean, valueOf, states), elementSerde).uid(endpoint.uid());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void write(OperatorEndpoint endpoint, DataStream<Object> output) {
        if (endpoint.output().isBlank()) {
            return;
        }
        ResolvableType type = endpoint.outputType();
        if (type.resolve() == KeyValue.class) {
            Serde keys = serdes.serdeFor(type.getGeneric(0));
            Serde values = serdes.serdeFor(type.getGeneric(1));
            ((DataStream) output).sinkTo(KafkaSink.keyValues(endpoint.output(), keys.serializer(), values.serializer()));
        } else {
            Serde values = serdes.serdeFor(type);
            output.sinkTo(KafkaSink.values(endpoint.output(), values.serializer()));
        }
    }

    private static WatermarkStrategy<ConsumerRecord<byte[], byte[]>> watermarks(String topic,
                                                                              WeirProperties.Source.Watermark watermark) {
        try {
            WatermarkStrategy<ConsumerRecord<byte[], byte[]>> strategy =
                    WatermarkStrategy.forBoundedOutOfOrderness(watermark.getOutOfOrderness());
            return watermark.getIdleness() == null ? strategy : strategy.withIdleness(watermark.getIdleness());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("weir.sources." + topic + ".watermark: " + e.getMessage(), e);
        }
    }

    private static String uid(String base, int group) {
        return group == 0 ? base : base + "-" + (group + 1);
    }
}
