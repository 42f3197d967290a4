package dev.weir.benchmarks;

import dev.weir.examples.RunningCount;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Weir pipelines measured, written as a user would write them. */
final class BenchmarkPipelines {

    private BenchmarkPipelines() {
    }

    static Pipeline of(Workload workload, String input, String output) {
        switch (workload) {
            case PASSTHROUGH:
                return passThrough(input, output);
            case COUNT:
                return RunningCount.pipeline(input, output);
            default:
                throw new IllegalArgumentException(workload + " is not a Weir pipeline");
        }
    }

    /** {@code input} → map(identity) → {@code output}: deserialization, one operator, serialization. */
    static Pipeline passThrough(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.keyValues(input, new StringDeserializer(), new StringDeserializer()))
                .map(BenchmarkPipelines::identity).uid("identity")
                .sinkTo(KafkaSink.keyValues(output, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    private static KeyValue<String, String> identity(KeyValue<String, String> record) {
        return record;
    }
}
