package dev.weir.spring.internals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.KeySelector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.KeyedStream;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.spring.boot.SerdeResolver;
import dev.weir.spring.boot.WeirProperties;
import dev.weir.state.State;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.springframework.core.ResolvableType;

/**
 * Builds one pipeline from the {@link dev.weir.spring.annotation.WeirOperator} beans. Each input
 * topic is read once; its records are deserialized once per key and value type, in a map named
 * {@code <topic>-records} (keyed by the record key) or {@code <topic>-values} (keyed by the
 * operator's selector), so that a record that does not deserialize reaches the dead-letter topic
 * under that name. Operators keyed by the record key share one keyed stream and so one task.
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
        DataStream<ConsumerRecord<byte[], byte[]>> records = eventTime == null
                || eventTime.getWatermark().getOutOfOrderness() == null
                ? builder.source(source) : builder.source(source, watermarks(topic, eventTime.getWatermark()));
        Map<List<ResolvableType>, List<OperatorEndpoint>> byKeyAndValue = new LinkedHashMap<>();
        Map<ResolvableType, List<OperatorEndpoint>> byValue = new LinkedHashMap<>();
        for (OperatorEndpoint endpoint : endpoints) {
            if (endpoint.selectsKey()) {
                byValue.computeIfAbsent(endpoint.inputType(), t -> new ArrayList<>()).add(endpoint);
            } else {
                byKeyAndValue.computeIfAbsent(List.of(endpoint.keyType(), endpoint.inputType()),
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
        for (OperatorEndpoint endpoint : endpoints) {
            Function<KeyValue<Object, Object>, Object> valueOf = KeyValue::value;
            write(endpoint, keyed.process(function(endpoint, valueOf)).uid(endpoint.uid()));
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
            write(endpoint, keyed.process(function(endpoint, Function.identity())).uid(endpoint.uid()));
        }
    }

    @SuppressWarnings("unchecked")
    private <E> KeyedProcessFunction<Object, E, Object> function(OperatorEndpoint endpoint, Function<E, Object> valueOf) {
        Map<StateField, Function<RuntimeContext, State>> states = new LinkedHashMap<>();
        endpoint.stateFields().forEach(field -> states.put(field, field.declaration(serdes)));
        return new OperatorFunction<>((KeyedProcessFunction<Object, Object, Object>) endpoint.function(),
                endpoint.fieldOwner(), valueOf, states);
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
