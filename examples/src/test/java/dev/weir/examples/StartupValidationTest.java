package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.weir.config.WeirConfig;
import dev.weir.config.WeirConfigException;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.runtime.WeirRuntime;
import dev.weir.test.EmbeddedKafkaExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a Weir application checks when it starts, on a real broker. */
class StartupValidationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    private static Admin admin;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void createAdmin() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    private WeirConfig.Builder config(String applicationId) {
        return WeirConfig.custom().applicationId(applicationId).bootstrapServers(kafka.bootstrapServers())
                .stateDir(stateDir).checkpointTimeout(Duration.ofSeconds(10));
    }

    private static Pipeline passThrough(String input, String output) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.values(input, new StringDeserializer()))
                .sinkTo(KafkaSink.values(output, new StringSerializer()));
        return builder.build();
    }

    private static Set<String> topics() throws Exception {
        return admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Set<String> topicsStartingWith(String prefix) throws Exception {
        return topics().stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toSet());
    }

    private static TopicDescription describe(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
    }

    /** The partition count of a topic, once the broker lists it (metadata reaches brokers asynchronously). */
    private static int partitionCount(String topic) {
        return await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> describe(topic).partitions().size(), count -> count > 0);
    }

    private static String cleanupPolicy(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    @Test
    void aSourceWhosePartitionCountDoesNotDivideTheKeyGroupsFailsNamingBothNumbersAndTheTopic() throws Exception {
        // 40320 = 8! is divisible by every count up to 10, so 7 partitions would be accepted: 11 is not
        kafka.createTopic("sv-eleven", 11);
        WeirConfig config = config("sv-eleven-app").build();

        try (WeirRuntime runtime = new WeirRuntime(RunningCount.pipeline("sv-eleven", "sv-eleven-out"), config)) {
            assertThatThrownBy(runtime::start)
                    .hasMessageContaining("'sv-eleven'")
                    .hasMessageContaining("11 partitions")
                    .hasMessageContaining("40320");
        }
        assertThat(topicsStartingWith("sv-eleven-app")).as("nothing is created for a pipeline that cannot start").isEmpty();
    }

    @Test
    void theSamePartitionCountPassesUnderAKeyGroupCountItDivides() throws Exception {
        kafka.createTopic("sv-eleven-ok", 11);
        WeirConfig config = config("sv-eleven-ok-app").keyGroups(11 * 64).build();

        try (WeirRuntime runtime = new WeirRuntime(RunningCount.pipeline("sv-eleven-ok", "sv-eleven-ok-out"), config)) {
            runtime.start();

            assertThat(runtime.state()).isEqualTo(WeirRuntime.State.RUNNING);
            assertThat(partitionCount("sv-eleven-ok-app-running-count-changelog")).isEqualTo(11);
        }
    }

    @Test
    void aMissingSourceTopicFailsNamingIt() throws Exception {
        WeirConfig config = config("sv-missing-app").build();

        try (WeirRuntime runtime = new WeirRuntime(passThrough("sv-no-such-topic", "sv-missing-out"), config)) {
            assertThatThrownBy(runtime::start).hasMessageContaining("'sv-no-such-topic'").hasMessageContaining("does not exist");
        }
        assertThat(topics()).as("a source topic is never created by Weir").doesNotContain("sv-no-such-topic");
    }

    @Test
    void coPartitionedSourcesWithDifferentPartitionCountsFailNamingBothTopics() {
        kafka.createTopic("sv-web-orders", 4);
        kafka.createTopic("sv-shop-orders", 6);
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<String> web = builder.source(KafkaSource.values("sv-web-orders", new StringDeserializer()));
        DataStream<String> shop = builder.source(KafkaSource.values("sv-shop-orders", new StringDeserializer()));
        web.union(shop).sinkTo(KafkaSink.values("sv-all-orders", new StringSerializer()));
        WeirConfig config = config("sv-union-app").build();

        try (WeirRuntime runtime = new WeirRuntime(builder.build(), config)) {
            assertThatThrownBy(runtime::start)
                    .hasMessageContaining("'sv-web-orders'").hasMessageContaining("4 partitions")
                    .hasMessageContaining("'sv-shop-orders'").hasMessageContaining("6 partitions");
        }
    }

    @Test
    void twoRuntimesOfOneApplicationInOneStateDirFailNamingTheStateDir() {
        kafka.createTopic("sv-shared-in", 2);
        WeirConfig config = config("sv-shared-app").build();

        try (WeirRuntime first = new WeirRuntime(passThrough("sv-shared-in", "sv-shared-out"), config);
             WeirRuntime second = new WeirRuntime(passThrough("sv-shared-in", "sv-shared-out"), config)) {
            first.start();

            WeirConfigException e = catchThrowableOfType(WeirConfigException.class, second::start);

            assertThat(e).isNotNull();
            assertThat(e.property()).isEqualTo("weir.state-dir");
            assertThat(e.getMessage()).contains(stateDir.resolve("sv-shared-app").toString());
            assertThat(first.state()).isEqualTo(WeirRuntime.State.RUNNING);
        }
    }

    @Test
    void theStateDirIsFreeAgainOnceTheRuntimeHoldingItIsClosed() {
        kafka.createTopic("sv-reuse-in", 2);
        WeirConfig config = config("sv-reuse-app").build();

        try (WeirRuntime first = new WeirRuntime(passThrough("sv-reuse-in", "sv-reuse-out"), config)) {
            first.start();
        }
        try (WeirRuntime second = new WeirRuntime(passThrough("sv-reuse-in", "sv-reuse-out"), config)) {
            second.start();

            assertThat(second.state()).isEqualTo(WeirRuntime.State.RUNNING);
        }
    }

    @Test
    void aMissingApplicationIdFailsNamingWeirApplicationId() {
        WeirConfigException fromBuilder = catchThrowableOfType(WeirConfigException.class,
                () -> WeirConfig.custom().bootstrapServers(kafka.bootstrapServers()).stateDir(stateDir).build());
        WeirConfigException fromProperties = catchThrowableOfType(WeirConfigException.class,
                () -> WeirConfig.fromProperties(Map.of("weir.bootstrap-servers", kafka.bootstrapServers())));

        assertThat(fromBuilder).isNotNull();
        assertThat(fromBuilder.property()).isEqualTo("weir.application-id");
        assertThat(fromBuilder.getMessage()).startsWith("weir.application-id");
        assertThat(fromProperties).isNotNull();
        assertThat(fromProperties.property()).isEqualTo("weir.application-id");
    }

    @Test
    void startCreatesACompactedChangelogARepartitionTopicAndTheDeadLetterTopic() throws Exception {
        kafka.createTopic("input-of-sv-regions", 4);
        WeirConfig config = config("sv-regions").build();

        try (WeirRuntime runtime = new WeirRuntime(TwoStageCount.pipeline("input-of-sv-regions", "output-of-sv-regions"), config)) {
            runtime.start();

            String changelog = "sv-regions-region-count-changelog";
            String repartition = "sv-regions-region-count-repartition";
            String deadLetters = "sv-regions-dlq";
            await().atMost(TIMEOUT).untilAsserted(() ->
                    assertThat(topicsStartingWith("sv-regions-")).containsExactlyInAnyOrder(changelog, repartition, deadLetters));
            assertThat(partitionCount(changelog)).isEqualTo(4);
            assertThat(partitionCount(repartition)).isEqualTo(4);
            assertThat(partitionCount(deadLetters)).isEqualTo(4);
            assertThat(cleanupPolicy(changelog)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(cleanupPolicy(repartition)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            assertThat(cleanupPolicy(deadLetters)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    void repartitionTopicsTakeTheConfiguredPartitionCount() throws Exception {
        kafka.createTopic("sv-wide-in", 2);
        WeirConfig config = config("sv-wide").repartitionPartitions(8).build();

        try (WeirRuntime runtime = new WeirRuntime(TwoStageCount.pipeline("sv-wide-in", "sv-wide-out"), config)) {
            runtime.start();

            assertThat(partitionCount("sv-wide-region-count-repartition")).isEqualTo(8);
            assertThat(partitionCount("sv-wide-region-count-changelog")).isEqualTo(8);
        }
    }

    @Test
    void anExistingInternalTopicWithTheWrongPartitionCountFailsNamingIt() {
        kafka.createTopic("sv-resized-in", 4);
        kafka.createTopic("sv-resized-region-count-repartition", 2);
        WeirConfig config = config("sv-resized").build();

        try (WeirRuntime runtime = new WeirRuntime(TwoStageCount.pipeline("sv-resized-in", "sv-resized-out"), config)) {
            assertThatThrownBy(runtime::start)
                    .hasMessageContaining("'sv-resized-region-count-repartition'")
                    .hasMessageContaining("2 partitions").hasMessageContaining("needs 4");
        }
    }

    @Test
    void aCustomDeadLetterTopicIsCreatedInsteadOfTheDefault() throws Exception {
        kafka.createTopic("sv-custom-dlq-in", 3);
        WeirConfig config = config("sv-custom-dlq").deadLetterTopic("sv-custom-bad-records").build();

        try (WeirRuntime runtime = new WeirRuntime(passThrough("sv-custom-dlq-in", "sv-custom-dlq-out"), config)) {
            runtime.start();

            assertThat(partitionCount("sv-custom-bad-records")).isEqualTo(3);
            assertThat(topics()).doesNotContain("sv-custom-dlq-dlq");
        }
    }
}
