package dev.weir.internals.graph;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedCoProcessFunction;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sources, sinks and functions for building pipelines in graph tests; none of them is ever run. */
final class Pipelines {

    static final Serde<String> STRING = Serdes.String();

    private Pipelines() {
    }

    static KafkaSource<String> source(String topic) {
        return KafkaSource.values(topic, new StringDeserializer());
    }

    static KafkaSource<KeyValue<String, String>> keyValueSource(String topic) {
        return KafkaSource.keyValues(topic, new StringDeserializer(), new StringDeserializer());
    }

    static KafkaSink<String> sink(String topic) {
        return KafkaSink.values(topic, new StringSerializer());
    }

    static <K, T> KeyedProcessFunction<K, T, String> passThrough() {
        return new KeyedProcessFunction<>() {
            @Override
            public void processElement(T value, Context<K> context, Collector<String> out) {
                out.collect(String.valueOf(value));
            }
        };
    }

    static <K, A, B> KeyedCoProcessFunction<K, A, B, String> join() {
        return new KeyedCoProcessFunction<>() {
            @Override
            public void processElement1(A value, KeyedProcessFunction.Context<K> context, Collector<String> out) {
                out.collect(String.valueOf(value));
            }

            @Override
            public void processElement2(B value, KeyedProcessFunction.Context<K> context, Collector<String> out) {
                out.collect(String.valueOf(value));
            }
        };
    }
}
