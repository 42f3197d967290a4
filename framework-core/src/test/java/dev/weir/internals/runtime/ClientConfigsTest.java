package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.weir.config.ProcessingGuarantee;
import dev.weir.config.WeirConfig;
import dev.weir.config.WeirConfigException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ClientConfigsTest {

    private static final Object CONTEXT = new Object();

    private static WeirConfig.Builder config() {
        return WeirConfig.custom().applicationId("billing").bootstrapServers("broker-1:9092,broker-2:9092");
    }

    static Stream<Arguments> ownedProperties() {
        return Stream.of(
                owned("weir.kafka.consumer.isolation.level", b -> b.consumerProperty("isolation.level", "read_uncommitted")),
                owned("weir.kafka.consumer.enable.auto.commit", b -> b.consumerProperty("enable.auto.commit", true)),
                owned("weir.kafka.consumer.group.id", b -> b.consumerProperty("group.id", "other")),
                owned("weir.kafka.consumer.partition.assignment.strategy",
                        b -> b.consumerProperty("partition.assignment.strategy", "range")),
                owned("weir.kafka.consumer.group.protocol", b -> b.consumerProperty("group.protocol", "consumer")),
                owned("weir.kafka.consumer.value.deserializer",
                        b -> b.consumerProperty("value.deserializer", "org.example.Custom")),
                owned("weir.kafka.producer.transactional.id", b -> b.producerProperty("transactional.id", "mine")),
                owned("weir.kafka.producer.enable.idempotence", b -> b.producerProperty("enable.idempotence", false)),
                owned("weir.kafka.producer.key.serializer", b -> b.producerProperty("key.serializer", "org.example.Custom")),
                owned("weir.kafka.enable.auto.commit", b -> b.kafkaProperty("enable.auto.commit", true)),
                owned("weir.kafka.isolation.level", b -> b.kafkaProperty("isolation.level", "read_uncommitted")),
                owned("weir.kafka.transactional.id", b -> b.kafkaProperty("transactional.id", "mine")),
                owned("weir.kafka.group.id", b -> b.kafkaProperty("group.id", "other")));
    }

    private static Arguments owned(String property, UnaryOperator<WeirConfig.Builder> override) {
        return Arguments.of(property, override);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownedProperties")
    void theUserCannotOverrideAPropertyExactlyOnceDependsOn(String property, UnaryOperator<WeirConfig.Builder> override) {
        WeirConfig config = override.apply(config()).build();

        WeirConfigException e = catchThrowableOfType(WeirConfigException.class, () -> new ClientConfigs(config));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).startsWith(property);
    }

    @Test
    void ownedPropertiesAreRejectedEvenWhenReadFromProperties() {
        WeirConfig config = WeirConfig.fromProperties(Map.of(
                "weir.application-id", "billing",
                "weir.bootstrap-servers", "localhost:9092",
                "weir.kafka.consumer.isolation.level", "read_uncommitted"));

        WeirConfigException e = catchThrowableOfType(WeirConfigException.class, () -> new ClientConfigs(config));

        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo("weir.kafka.consumer.isolation.level");
    }

    @Test
    void consumerOverridesOfOtherPropertiesWinOverWeirDefaults() {
        ClientConfigs clients = new ClientConfigs(config()
                .consumerProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000)
                .consumerProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 17)
                .consumerProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
                .build());

        Map<String, Object> main = clients.mainConsumer("c-0", "billing-a1-0", CONTEXT);
        Map<String, Object> restore = clients.restoreConsumer("r-0");

        assertThat(main).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 17)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        assertThat(restore).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 17);
    }

    @Test
    void producerOverridesOfOtherPropertiesWinOverWeirDefaults() {
        ClientConfigs clients = new ClientConfigs(config()
                .producerProperty(ProducerConfig.LINGER_MS_CONFIG, 50)
                .producerProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .build());

        assertThat(clients.producer("p-0", "billing-i-0"))
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 50)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }

    @Test
    void weirDefaultsApplyWhereTheUserSetsNothing() {
        ClientConfigs clients = new ClientConfigs(config().build());

        assertThat(clients.mainConsumer("c-0", "billing-a1-0", CONTEXT))
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        assertThat(clients.producer("p-0", "t")).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void sharedKafkaPropertiesReachEveryClient() {
        ClientConfigs clients = new ClientConfigs(config()
                .kafkaProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .build());

        assertThat(clients.mainConsumer("c", "billing-a1-0", CONTEXT)).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        assertThat(clients.restoreConsumer("r")).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        assertThat(clients.producer("p", "t")).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        assertThat(clients.admin("a")).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    }

    @Test
    void clientSpecificPropertiesReachOnlyTheirClient() {
        ClientConfigs clients = new ClientConfigs(config()
                .consumerProperty("fetch.min.bytes", 1024)
                .producerProperty("compression.type", "lz4")
                .adminProperty("default.api.timeout.ms", 5000)
                .build());

        assertThat(clients.mainConsumer("c", "billing-a1-0", CONTEXT)).containsEntry("fetch.min.bytes", 1024)
                .doesNotContainKeys("compression.type", "default.api.timeout.ms");
        assertThat(clients.producer("p", "t")).containsEntry("compression.type", "lz4")
                .doesNotContainKeys("fetch.min.bytes", "default.api.timeout.ms");
        assertThat(clients.admin("a")).containsEntry("default.api.timeout.ms", 5000)
                .doesNotContainKeys("fetch.min.bytes", "compression.type");
    }

    @Test
    void exactlyOnceProducerIsTransactionalWithTheConfiguredTimeout() {
        ClientConfigs clients = new ClientConfigs(config().transactionTimeout(Duration.ofSeconds(25)).build());

        Map<String, Object> producer = clients.producer("billing-producer-0", "billing-node1-0");

        assertThat(producer)
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "billing-node1-0")
                .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 25_000)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(CommonClientConfigs.CLIENT_ID_CONFIG, "billing-producer-0")
                .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092,broker-2:9092");
    }

    @Test
    void atLeastOnceProducerHasNoTransactionalId() {
        ClientConfigs clients = new ClientConfigs(config().processingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE).build());

        Map<String, Object> producer = clients.producer("billing-producer-0", "billing-node1-0");

        assertThat(producer).doesNotContainKeys(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        assertThat(producer).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @ParameterizedTest
    @EnumSource(ProcessingGuarantee.class)
    void consumersAlwaysReadCommittedWithAutoCommitOff(ProcessingGuarantee guarantee) {
        ClientConfigs clients = new ClientConfigs(config().processingGuarantee(guarantee).build());

        for (Map<String, Object> consumer : List.of(clients.mainConsumer("c", "billing-a1-0", CONTEXT), clients.restoreConsumer("r"))) {
            assertThat(consumer)
                    .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                    .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                    .containsEntry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
                    .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        }
    }

    @Test
    void mainConsumerJoinsTheApplicationsGroupWithTheWeirAssignor() {
        ClientConfigs clients = new ClientConfigs(config().build());

        Map<String, Object> consumer = clients.mainConsumer("billing-consumer-1", "billing-a1-1", CONTEXT);

        assertThat(consumer)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "billing")
                .containsEntry(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic")
                .containsEntry(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(WeirPartitionAssignor.class.getName()))
                .containsEntry(ClientConfigs.ASSIGNMENT_CONTEXT, CONTEXT)
                .containsEntry(CommonClientConfigs.CLIENT_ID_CONFIG, "billing-consumer-1");
    }

    @Test
    void mainConsumerIsAStaticMemberNamedAfterItsWorkerSoThatARestartedInstanceTakesItsPlace() {
        ClientConfigs clients = new ClientConfigs(config().build());

        assertThat(clients.mainConsumer("c", "billing-a1-0", CONTEXT))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "billing-a1-0");
        assertThat(clients.mainConsumer("c", "billing-a1-1", CONTEXT))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "billing-a1-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupInstanceIds")
    void aGroupInstanceIdOfTheUsersIsRejectedBecauseTheWorkersWouldFenceEachOther(
            String property, UnaryOperator<WeirConfig.Builder> override) {
        WeirConfigException e = catchThrowableOfType(WeirConfigException.class,
                () -> new ClientConfigs(override.apply(config()).build()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(property).contains("weir.instance-id");
    }

    static Stream<Arguments> groupInstanceIds() {
        return Stream.of(
                Arguments.of("weir.kafka.consumer.group.instance.id", (UnaryOperator<WeirConfig.Builder>)
                        b -> b.consumerProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "pod-0")),
                Arguments.of("weir.kafka.group.instance.id", (UnaryOperator<WeirConfig.Builder>)
                        b -> b.kafkaProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "pod-0")));
    }

    @Test
    void restoreConsumerJoinsNoGroup() {
        ClientConfigs clients = new ClientConfigs(config()
                .consumerProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500)
                .build());

        Map<String, Object> restore = clients.restoreConsumer("r");

        assertThat(restore).doesNotContainKeys(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                ClientConfigs.ASSIGNMENT_CONTEXT);
        assertThat(restore).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    }

    @Test
    void eachCallGivesAFreshMapSoOneClientsChangesDoNotLeakIntoAnother() {
        ClientConfigs clients = new ClientConfigs(config().build());

        Map<String, Object> first = clients.producer("p-0", "t-0");
        first.put("linger.ms", 999);

        assertThat(clients.producer("p-1", "t-1")).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "t-1");
    }
}
