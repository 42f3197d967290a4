package dev.weir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.weir.internals.keygroup.KeyGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WeirConfigTest {

    private static WeirConfig.Builder valid() {
        return WeirConfig.custom().applicationId("orders-app").bootstrapServers("localhost:9092");
    }

    private static Map<String, Object> validProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("weir.application-id", "orders-app");
        p.put("weir.bootstrap-servers", "localhost:9092");
        return p;
    }

    private static WeirConfig fromProperties(String... keyValues) {
        Map<String, Object> p = validProperties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return WeirConfig.fromProperties(p);
    }

    private static void assertFailsNaming(String property, Runnable action) {
        WeirConfigException e = catchThrowableOfType(WeirConfigException.class, action::run);
        assertThat(e).as("expected a WeirConfigException for %s", property).isNotNull();
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).contains(property);
    }

    // ---- builder ----

    @Test
    void builderDefaultsAreThoseTheReadmeDocuments() {
        WeirConfig config = valid().build();

        assertThat(config.applicationId()).isEqualTo("orders-app");
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.instanceId()).isEmpty();
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "weir"));
        assertThat(config.workers()).isEqualTo(1);
        assertThat(config.keyGroups()).isEqualTo(WeirConfig.DEFAULT_KEY_GROUPS).isEqualTo(40_320);
        assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE);
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.checkpointTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.checkpointMinPause()).isEqualTo(Duration.ZERO);
        assertThat(config.tolerableCheckpointFailures()).isEqualTo(3);
        assertThat(config.errorPolicy()).isEqualTo(ErrorPolicy.DEAD_LETTER);
        assertThat(config.deadLetterTopic()).isEqualTo("orders-app-dlq");
        assertThat(config.restartStrategy().kind()).isEqualTo(RestartStrategy.Kind.FIXED_DELAY);
        assertThat(config.restartStrategy().maxFailures()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.restartStrategy().delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.stateMemoryBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(config.internalTopicReplicationFactor()).isEqualTo((short) -1);
        assertThat(config.repartitionPartitions()).isZero();
        assertThat(config.transactionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.kafkaProperties()).isEmpty();
        assertThat(config.consumerProperties()).isEmpty();
        assertThat(config.producerProperties()).isEmpty();
        assertThat(config.adminProperties()).isEmpty();
    }

    @Test
    void checkpointIntervalDefaultsToOneSecondUnderAtLeastOnce() {
        WeirConfig config = valid().processingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE).build();

        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anExplicitCheckpointIntervalWinsOverTheGuaranteesDefault() {
        WeirConfig config = valid().processingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .checkpointInterval(Duration.ofMillis(250)).build();

        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void anExplicitDeadLetterTopicReplacesTheDefault() {
        assertThat(valid().deadLetterTopic("bad-orders").build().deadLetterTopic()).isEqualTo("bad-orders");
    }

    @Test
    void clientPropertiesOfTheBuiltConfigCannotBeChangedAfterwards() {
        WeirConfig config = valid().kafkaProperty("security.protocol", "SSL").build();

        assertThatThrownBy(() -> config.kafkaProperties().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aConfigDerivedFromAnotherKeepsEverySettingItDoesNotChange() {
        WeirConfig original = valid().instanceId("node-1").stateDir(Path.of("/data/weir")).workers(3).keyGroups(720)
                .processingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE).checkpointInterval(Duration.ofMillis(250))
                .checkpointTimeout(Duration.ofSeconds(9)).checkpointMinPause(Duration.ofMillis(50))
                .tolerableCheckpointFailures(7).errorPolicy(ErrorPolicy.SKIP).deadLetterTopic("bad")
                .restartStrategy(RestartStrategy.none()).stateMemoryBytes(32L << 20)
                .internalTopicReplicationFactor((short) 3).repartitionPartitions(12)
                .transactionTimeout(Duration.ofSeconds(20)).kafkaProperty("security.protocol", "SSL")
                .consumerProperty("max.poll.records", 50).producerProperty("linger.ms", 1)
                .adminProperty("retries", 2).build();

        WeirConfig derived = WeirConfig.from(original).advertisedEndpoint("10.0.0.7:8080").build();

        assertThat(derived.toString()).isEqualTo(original.toString());
        assertThat(derived.advertisedEndpoint()).contains("10.0.0.7:8080");
        assertThat(original.advertisedEndpoint()).isEmpty();
        assertThat(derived.instanceId()).contains("node-1");
        assertThat(derived.checkpointTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(derived.checkpointMinPause()).isEqualTo(Duration.ofMillis(50));
        assertThat(derived.tolerableCheckpointFailures()).isEqualTo(7);
        assertThat(derived.deadLetterTopic()).isEqualTo("bad");
        assertThat(derived.stateMemoryBytes()).isEqualTo(32L << 20);
        assertThat(derived.internalTopicReplicationFactor()).isEqualTo((short) 3);
        assertThat(derived.repartitionPartitions()).isEqualTo(12);
        assertThat(derived.transactionTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(derived.kafkaProperties()).isEqualTo(original.kafkaProperties());
        assertThat(derived.consumerProperties()).isEqualTo(original.consumerProperties());
        assertThat(derived.producerProperties()).isEqualTo(original.producerProperties());
        assertThat(derived.adminProperties()).isEqualTo(original.adminProperties());
    }

    @Test
    void theAdvertisedEndpointIsReadFromProperties() {
        assertThat(fromProperties("weir.advertised-endpoint", "weir-0.weir:8080").advertisedEndpoint())
                .contains("weir-0.weir:8080");
    }

    @Test
    void theBuildersLaterChangesDoNotReachAnAlreadyBuiltConfig() {
        WeirConfig.Builder builder = valid().consumerProperty("max.poll.records", 10);
        WeirConfig first = builder.build();
        builder.consumerProperty("fetch.min.bytes", 1);

        assertThat(first.consumerProperties()).containsOnlyKeys("max.poll.records");
    }

    static Stream<Arguments> invalidBuilders() {
        return Stream.of(
                invalid("weir.application-id", b -> b.applicationId(null)),
                invalid("weir.application-id", b -> b.applicationId("")),
                invalid("weir.application-id", b -> b.applicationId("   ")),
                invalid("weir.application-id", b -> b.applicationId("orders app")),
                invalid("weir.application-id", b -> b.applicationId("orders/app")),
                invalid("weir.application-id", b -> b.applicationId("örders")),
                invalid("weir.bootstrap-servers", b -> b.bootstrapServers(null)),
                invalid("weir.bootstrap-servers", b -> b.bootstrapServers(" ")),
                invalid("weir.instance-id", b -> b.instanceId("node 1")),
                invalid("weir.workers", b -> b.workers(0)),
                invalid("weir.workers", b -> b.workers(-3)),
                invalid("weir.key-groups", b -> b.keyGroups(0)),
                invalid("weir.key-groups", b -> b.keyGroups(-1)),
                invalid("weir.key-groups", b -> b.keyGroups(65_537)),
                invalid("weir.checkpoint.interval", b -> b.checkpointInterval(Duration.ZERO)),
                invalid("weir.checkpoint.interval", b -> b.checkpointInterval(Duration.ofMillis(-1))),
                invalid("weir.checkpoint.timeout", b -> b.checkpointTimeout(Duration.ZERO)),
                invalid("weir.checkpoint.timeout", b -> b.checkpointTimeout(Duration.ofSeconds(-5))),
                invalid("weir.checkpoint.timeout", b -> b.checkpointTimeout(null)),
                invalid("weir.transaction.timeout", b -> b.transactionTimeout(Duration.ZERO)),
                invalid("weir.watermark.interval", b -> b.watermarkInterval(Duration.ZERO)),
                invalid("weir.checkpoint.min-pause", b -> b.checkpointMinPause(Duration.ofMillis(-1))),
                invalid("weir.checkpoint.min-pause", b -> b.checkpointMinPause(null)),
                invalid("weir.checkpoint.tolerable-failures", b -> b.tolerableCheckpointFailures(-1)),
                invalid("weir.errors.dead-letter-topic", b -> b.deadLetterTopic("bad topic")),
                invalid("weir.state.memory", b -> b.stateMemoryBytes(16L * 1024 * 1024 - 1)),
                invalid("weir.state.memory", b -> b.stateMemoryBytes(0)),
                invalid("weir.internal-topics.replication-factor", b -> b.internalTopicReplicationFactor((short) 0)),
                invalid("weir.internal-topics.replication-factor", b -> b.internalTopicReplicationFactor((short) -2)),
                invalid("weir.repartition.partitions", b -> b.repartitionPartitions(-1)),
                invalid("weir.repartition.partitions", b -> b.repartitionPartitions(11)),
                invalid("weir.repartition.partitions", b -> b.keyGroups(100).repartitionPartitions(8)),
                invalid("weir.advertised-endpoint", b -> b.advertisedEndpoint("10.0.0.7")),
                invalid("weir.advertised-endpoint", b -> b.advertisedEndpoint("http://10.0.0.7:8080")),
                invalid("weir.advertised-endpoint", b -> b.advertisedEndpoint("host:port")));
    }

    private static Arguments invalid(String property, UnaryOperator<WeirConfig.Builder> mistake) {
        return Arguments.of(property, mistake);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidBuilders")
    void eachInvalidValueFailsNamingItsProperty(String property, UnaryOperator<WeirConfig.Builder> mistake) {
        assertFailsNaming(property, () -> mistake.apply(valid()).build());
    }

    @Test
    void valuesAtTheEdgeOfTheirRangeAreAccepted() {
        WeirConfig config = valid().keyGroups(65_536).workers(1).tolerableCheckpointFailures(0)
                .stateMemoryBytes(16L * 1024 * 1024).internalTopicReplicationFactor((short) 1)
                .checkpointInterval(Duration.ofMillis(1)).checkpointMinPause(Duration.ZERO)
                .repartitionPartitions(64).instanceId("node-1.a_b").applicationId("a.b_c-D9").build();

        assertThat(config.keyGroups()).isEqualTo(KeyGroups.MAX_KEY_GROUPS);
        assertThat(config.repartitionPartitions()).isEqualTo(64);
        assertThat(config.instanceId()).contains("node-1.a_b");
    }

    @Test
    void theKeyGroupMessageStatesTheAllowedRangeAndTheValue() {
        assertThatThrownBy(() -> valid().keyGroups(65_537).build())
                .hasMessageContaining("65536").hasMessageContaining("65537");
    }

    @Test
    void theRepartitionMessageNamesBothNumbers() {
        assertThatThrownBy(() -> valid().repartitionPartitions(11).build())
                .isInstanceOf(WeirConfigException.class)
                .hasMessageContaining("11").hasMessageContaining("40320");
    }

    @Test
    void restartStrategiesRejectImpossibleParameters() {
        assertThatThrownBy(() -> RestartStrategy.fixedDelay(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestartStrategy.fixedDelay(1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestartStrategy.failureRate(0, Duration.ofMinutes(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestartStrategy.failureRate(1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- fromProperties ----

    @Test
    void propertiesWithOnlyTheRequiredKeysGiveTheBuilderDefaults() {
        WeirConfig fromProperties = WeirConfig.fromProperties(validProperties());
        WeirConfig built = valid().build();

        assertThat(fromProperties.toString()).isEqualTo(built.toString());
        assertThat(fromProperties.restartStrategy().toString()).isEqualTo(built.restartStrategy().toString());
        assertThat(fromProperties.checkpointInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void everyScalarPropertyIsRead() {
        WeirConfig config = fromProperties(
                "weir.instance-id", "node-7",
                "weir.state-dir", "/var/lib/weir",
                "weir.workers", "4",
                "weir.key-groups", "720",
                "weir.checkpoint.tolerable-failures", " 5 ",
                "weir.errors.dead-letter-topic", "dead-orders",
                "weir.internal-topics.replication-factor", "3",
                "weir.repartition.partitions", "12",
                "weir.transaction.timeout", "30s",
                "weir.watermark.interval", "50ms");

        assertThat(config.instanceId()).contains("node-7");
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/weir"));
        assertThat(config.workers()).isEqualTo(4);
        assertThat(config.keyGroups()).isEqualTo(720);
        assertThat(config.tolerableCheckpointFailures()).isEqualTo(5);
        assertThat(config.deadLetterTopic()).isEqualTo("dead-orders");
        assertThat(config.internalTopicReplicationFactor()).isEqualTo((short) 3);
        assertThat(config.repartitionPartitions()).isEqualTo(12);
        assertThat(config.transactionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.watermarkInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void typedValuesAreAcceptedAsWellAsStrings() {
        Map<String, Object> p = validProperties();
        p.put("weir.workers", 3);
        p.put("weir.checkpoint.timeout", Duration.ofSeconds(7));
        p.put("weir.state.memory", 64L * 1024 * 1024);
        p.put("weir.processing-guarantee", ProcessingGuarantee.AT_LEAST_ONCE);
        p.put("weir.errors.policy", ErrorPolicy.SKIP);

        WeirConfig config = WeirConfig.fromProperties(p);

        assertThat(config.workers()).isEqualTo(3);
        assertThat(config.checkpointTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.stateMemoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
        assertThat(config.errorPolicy()).isEqualTo(ErrorPolicy.SKIP);
    }

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "100ms, 100",
            "10s, 10000",
            "5m, 300000",
            "2h, 7200000",
            "1d, 86400000",
            "PT1S, 1000",
            "PT0.25S, 250",
            "250, 250",
            "' 3s ', 3000",
            "10 s, 10000",
            "10S, 10000"})
    void durationsReadWithUnitsIsoOrAsPlainMilliseconds(String text, long millis) {
        assertThat(fromProperties("weir.checkpoint.timeout", text).checkpointTimeout()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
            "512MB, 536870912",
            "2GB, 2147483648",
            "32768KB, 33554432",
            "16777216, 16777216",
            "20000000B, 20000000",
            "64mb, 67108864"})
    void sizesReadWithUnitsOrAsPlainBytes(String text, long bytes) {
        assertThat(fromProperties("weir.state.memory", text).stateMemoryBytes()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "exactly-once, EXACTLY_ONCE",
            "at-least-once, AT_LEAST_ONCE",
            "EXACTLY_ONCE, EXACTLY_ONCE",
            "At-Least-Once, AT_LEAST_ONCE"})
    void processingGuaranteeReadsItsPropertyValues(String text, ProcessingGuarantee expected) {
        assertThat(fromProperties("weir.processing-guarantee", text).processingGuarantee()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dead-letter, DEAD_LETTER",
            "skip, SKIP",
            "fail, FAIL",
            "DEAD_LETTER, DEAD_LETTER"})
    void errorPolicyReadsItsPropertyValues(String text, ErrorPolicy expected) {
        assertThat(fromProperties("weir.errors.policy", text).errorPolicy()).isEqualTo(expected);
    }

    @Test
    void checkpointIntervalDefaultDependsOnTheGuaranteeReadFromProperties() {
        assertThat(fromProperties("weir.processing-guarantee", "exactly-once").checkpointInterval())
                .isEqualTo(Duration.ofMillis(100));
        assertThat(fromProperties("weir.processing-guarantee", "at-least-once").checkpointInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(fromProperties("weir.processing-guarantee", "at-least-once", "weir.checkpoint.interval", "50ms")
                .checkpointInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void checkpointPropertiesAreRead() {
        WeirConfig config = fromProperties(
                "weir.checkpoint.interval", "200ms",
                "weir.checkpoint.timeout", "2m",
                "weir.checkpoint.min-pause", "0");

        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.checkpointTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.checkpointMinPause()).isZero();
    }

    @Test
    void fixedDelayRestartReadsAttemptsAndDelay() {
        RestartStrategy strategy = fromProperties(
                "weir.restart.strategy", "fixed-delay",
                "weir.restart.fixed-delay.attempts", "4",
                "weir.restart.fixed-delay.delay", "3s").restartStrategy();

        assertThat(strategy.kind()).isEqualTo(RestartStrategy.Kind.FIXED_DELAY);
        assertThat(strategy.maxFailures()).isEqualTo(4);
        assertThat(strategy.delay()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void fixedDelaySubPropertiesApplyWithoutNamingTheStrategy() {
        RestartStrategy strategy = fromProperties("weir.restart.fixed-delay.attempts", "2").restartStrategy();

        assertThat(strategy.kind()).isEqualTo(RestartStrategy.Kind.FIXED_DELAY);
        assertThat(strategy.maxFailures()).isEqualTo(2);
        assertThat(strategy.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failureRateRestartReadsMaxFailuresIntervalAndDelay() {
        RestartStrategy strategy = fromProperties(
                "weir.restart.strategy", "failure-rate",
                "weir.restart.failure-rate.max-failures", "10",
                "weir.restart.failure-rate.interval", "1h",
                "weir.restart.failure-rate.delay", "500ms").restartStrategy();

        assertThat(strategy.kind()).isEqualTo(RestartStrategy.Kind.FAILURE_RATE);
        assertThat(strategy.maxFailures()).isEqualTo(10);
        assertThat(strategy.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(strategy.delay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void failureRateRestartHasTheDocumentedDefaults() {
        RestartStrategy strategy = fromProperties("weir.restart.strategy", "failure-rate").restartStrategy();

        assertThat(strategy.maxFailures()).isEqualTo(3);
        assertThat(strategy.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(strategy.delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noneRestartStrategyNeverWaits() {
        RestartStrategy strategy = fromProperties("weir.restart.strategy", " none ").restartStrategy();

        assertThat(strategy.kind()).isEqualTo(RestartStrategy.Kind.NONE);
        assertThat(strategy.delay()).isZero();
    }

    @Test
    void anUnknownRestartStrategyFailsNamingTheProperty() {
        assertFailsNaming("weir.restart.strategy", () -> fromProperties("weir.restart.strategy", "exponential"));
        assertThatThrownBy(() -> fromProperties("weir.restart.strategy", "exponential"))
                .hasMessageContaining("exponential").hasMessageContaining("fixed-delay");
    }

    @Test
    void kafkaPropertiesPassThroughByClient() {
        WeirConfig config = fromProperties(
                "weir.kafka.security.protocol", "SASL_SSL",
                "weir.kafka.consumer.session.timeout.ms", "45000",
                "weir.kafka.producer.compression.type", "zstd",
                "weir.kafka.admin.request.timeout.ms", "9000");

        assertThat(config.kafkaProperties()).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
        assertThat(config.consumerProperties()).containsExactly(Map.entry("session.timeout.ms", "45000"));
        assertThat(config.producerProperties()).containsExactly(Map.entry("compression.type", "zstd"));
        assertThat(config.adminProperties()).containsExactly(Map.entry("request.timeout.ms", "9000"));
    }

    @Test
    void keysOutsideTheWeirNamespaceAreIgnored() {
        WeirConfig config = fromProperties("spring.application.name", "x", "server.port", "8080");

        assertThat(config.kafkaProperties()).isEmpty();
        assertThat(config.applicationId()).isEqualTo("orders-app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"weir.worker", "weir.checkpoint.intervall", "weir.restart.fixed-delay.attempt", "weir.kafkaa.acks"})
    void anUnknownWeirKeyFailsNamingIt(String key) {
        assertFailsNaming(key, () -> fromProperties(key, "1"));
    }

    static Stream<Arguments> malformedValues() {
        return Stream.of(
                Arguments.of("weir.workers", "two"),
                Arguments.of("weir.workers", "99999999999"),
                Arguments.of("weir.key-groups", "1.5"),
                Arguments.of("weir.checkpoint.interval", "fast"),
                Arguments.of("weir.checkpoint.interval", "1.5s"),
                Arguments.of("weir.checkpoint.timeout", "10 minutes"),
                Arguments.of("weir.checkpoint.min-pause", "-5s"),
                Arguments.of("weir.transaction.timeout", "99999999999999999999ms"),
                Arguments.of("weir.state.memory", "lots"),
                Arguments.of("weir.state.memory", "1.5GB"),
                Arguments.of("weir.state.memory", "512MiB"),
                Arguments.of("weir.processing-guarantee", "exactly_twice"),
                Arguments.of("weir.errors.policy", "ignore"),
                Arguments.of("weir.checkpoint.tolerable-failures", "many"),
                Arguments.of("weir.repartition.partitions", "six"),
                Arguments.of("weir.internal-topics.replication-factor", "three"),
                Arguments.of("weir.restart.fixed-delay.attempts", "forever"),
                Arguments.of("weir.restart.fixed-delay.delay", "soon"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("malformedValues")
    void aMalformedValueFailsNamingItsKey(String key, String value) {
        assertFailsNaming(key, () -> fromProperties(key, value));
        assertThatThrownBy(() -> fromProperties(key, value)).hasMessageContaining(value);
    }

    @Test
    void aMalformedFailureRateSubPropertyFailsNamingItsKey() {
        assertFailsNaming("weir.restart.failure-rate.interval", () -> fromProperties(
                "weir.restart.strategy", "failure-rate", "weir.restart.failure-rate.interval", "hourly"));
        assertFailsNaming("weir.restart.failure-rate.max-failures", () -> fromProperties(
                "weir.restart.strategy", "failure-rate", "weir.restart.failure-rate.max-failures", "x"));
    }

    @Test
    void aWellFormedButInvalidValueFailsInValidationNamingItsKey() {
        assertFailsNaming("weir.workers", () -> fromProperties("weir.workers", "0"));
        assertFailsNaming("weir.key-groups", () -> fromProperties("weir.key-groups", "65537"));
        assertFailsNaming("weir.checkpoint.interval", () -> fromProperties("weir.checkpoint.interval", "0ms"));
        assertFailsNaming("weir.state.memory", () -> fromProperties("weir.state.memory", "1MB"));
        assertFailsNaming("weir.application-id", () -> fromProperties("weir.application-id", "my app"));
    }

    @Test
    void missingRequiredPropertiesFailNamingThem() {
        Map<String, Object> noApplication = validProperties();
        noApplication.remove("weir.application-id");
        Map<String, Object> noServers = validProperties();
        noServers.remove("weir.bootstrap-servers");

        assertFailsNaming("weir.application-id", () -> WeirConfig.fromProperties(noApplication));
        assertFailsNaming("weir.bootstrap-servers", () -> WeirConfig.fromProperties(noServers));
    }

    @Test
    void aNullValueCountsAsUnset() {
        Map<String, Object> p = validProperties();
        p.put("weir.workers", null);

        assertThat(WeirConfig.fromProperties(p).workers()).isEqualTo(1);
    }
}
