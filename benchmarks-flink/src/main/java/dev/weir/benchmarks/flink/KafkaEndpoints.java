package dev.weir.benchmarks.flink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The job's Kafka ends: where it reads from and how it writes exactly once. */
final class KafkaEndpoints {

    /**
     * A transaction stays open for one checkpoint interval; the broker's maximum (15 minutes by default)
     * is below the connector's default of one hour, which the broker would refuse.
     */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(1);

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private KafkaEndpoints() {
    }

    /**
     * The input: every partition from the earliest offset, offsets committed to the group
     * {@code application-id} when a checkpoint completes.
     *
     * @param args the runner's arguments
     * @return the source
     */
    static KafkaSource<KafkaText> source(RunnerArguments args) {
        return KafkaSource.<KafkaText>builder()
                .setBootstrapServers(args.bootstrapServers())
                .setTopics(args.input())
                .setGroupId(args.applicationId())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new KafkaTextDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true")
                .build();
    }

    /**
     * The number of partitions of the input topic.
     *
     * @param args the runner's arguments
     * @return the partition count
     * @throws Exception if the broker cannot tell
     */
    static int inputPartitions(RunnerArguments args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrapServers()))) {
            return admin.describeTopics(List.of(args.input())).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(args.input()).partitions().size();
        }
    }

    /**
     * The output: transactional, one transaction per checkpoint, committed when the checkpoint completes.
     *
     * @param args the runner's arguments
     * @return the sink
     */
    static KafkaSink<KafkaText> sink(RunnerArguments args) {
        return KafkaSink.<KafkaText>builder()
                .setBootstrapServers(args.bootstrapServers())
                .setRecordSerializer(new KafkaTextSerializer(args.output()))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(args.applicationId())
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        Long.toString(TRANSACTION_TIMEOUT.toMillis()))
                .build();
    }
}
