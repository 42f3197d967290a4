package dev.weir.sample.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the sample in child JVMs share the partitions; each answers state queries for
 * accounts the other owns, and when one is killed with SIGKILL mid-stream, the other takes over
 * its tasks, it is restarted, and every fraud pattern still yields exactly one committed alert.
 */
class FraudDetectorInstancesTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    private static final int PATTERNS = 60;
    private static final List<String> RULES = List.of(
            "--fraud.generator.enabled=false",
            "--fraud.rules.small-then-large-window=3s",
            "--fraud.rules.velocity-window=10s",
            "--fraud.rules.velocity-window-slide=2s",
            "--fraud.rules.velocity-state-ttl=60s",
            "--weir.sources.transactions.watermark.out-of-orderness=1s");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void instancesAnswerForEachOthersKeysAndAlertsStayExactlyOnceThroughASigkill(@TempDir Path dir) throws Exception {
        kafka.createTopic("transactions", 6);
        kafka.createTopic("fraud-alerts", 6);
        try (SampleInstance a = SampleInstance.start("a", kafka.bootstrapServers(), dir.resolve("a"), RULES);
             SampleInstance b = SampleInstance.start("b", kafka.bootstrapServers(), dir.resolve("b"), RULES)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(a.tasks()).isNotEmpty();
                assertThat(b.tasks()).isNotEmpty();
                Set<String> all = new HashSet<>(a.tasks());
                all.addAll(b.tasks());
                assertThat(all).hasSize(6);
            });

            TransactionGenerator generator = new TransactionGenerator(rules(), settings(), "sigkill");
            CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> produce(generator));

            await().atMost(Duration.ofSeconds(60)).until(() -> generator.injected().size() >= 15);
            assertEachInstanceAnswersForTheOthersAccounts(a, b, generator);

            await().atMost(Duration.ofSeconds(60)).until(() -> generator.injected().size() >= 30);
            b.kill();
            // The survivor takes the dead instance's tasks once its session times out.
            await().atMost(Duration.ofSeconds(60)).until(() -> a.tasks().size() == 6);
            b.start();

            traffic.get(120, TimeUnit.SECONDS);
            for (SampleInstance instance : List.of(a, b)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> instance.get("/actuator/weir").path("lag").asLong() == 0
                        && instance.post("/actuator/weir").path("completed").asBoolean());
            }
            CheckReport<String, String> report = AlertChecks.check(kafka.bootstrapServers(), "fraud-alerts",
                    generator.injected());
            assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
            assertThat(report.recordsRead()).isEqualTo(2L * PATTERNS / 5);
        }
    }

    /**
     * Every pattern account so far, asked of both instances: the same answer from the same
     * instance, an alerted window over the limit for a burst account, and each instance forwarded some.
     */
    private static void assertEachInstanceAnswersForTheOthersAccounts(SampleInstance a, SampleInstance b,
                                                                      TransactionGenerator generator) {
        List<TransactionGenerator.Pattern> patterns = generator.injected();
        String idA = a.instanceId();
        String idB = b.instanceId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> forwardedBy = new HashSet<>();
            for (TransactionGenerator.Pattern pattern : patterns) {
                String account = pattern.accountId();
                JsonNode fromA = a.get("/accounts/" + account);
                JsonNode fromB = b.get("/accounts/" + account);
                if (pattern.kind() == TransactionGenerator.PatternKind.VELOCITY_BURST) {
                    // The first window over the limit may hold only part of the burst.
                    assertThat(fromA.path("lastVelocityAlert").path("transactions").asLong()).as("%s via a: %s",
                            account, fromA).isGreaterThan(rules().getVelocityMaxTransactions());
                }
                assertThat(fromB.path("lastVelocityAlert")).isEqualTo(fromA.path("lastVelocityAlert"));
                assertThat(fromA.path("servedBy").asString()).isEqualTo(fromB.path("servedBy").asString())
                        .isIn(idA, idB);
                for (JsonNode answer : List.of(fromA, fromB)) {
                    if (!answer.path("forwardedBy").isNull()) {
                        forwardedBy.add(answer.path("forwardedBy").asString());
                    }
                }
            }
            assertThat(forwardedBy).as("instances that answered for keys the other owns").containsExactlyInAnyOrder(idA, idB);
        });
    }

    private void produce(TransactionGenerator generator) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            generator.run(t -> producer.send(new ProducerRecord<>("transactions", null, t.timestamp(), t.accountId(),
                    json.writeValueAsString(t))), () -> false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FraudProperties.Rules rules() {
        FraudProperties.Rules rules = new FraudProperties().getRules();
        rules.setSmallThenLargeWindow(Duration.ofSeconds(3));
        rules.setVelocityWindow(Duration.ofSeconds(10));
        rules.setVelocityWindowSlide(Duration.ofSeconds(2));
        return rules;
    }

    private static FraudProperties.Generator settings() {
        FraudProperties.Generator settings = new FraudProperties().getGenerator();
        settings.setTransactionsPerSecond(100);
        settings.setPatternEvery(Duration.ofMillis(250));
        settings.setPatterns(PATTERNS);
        settings.setTrailingTraffic(Duration.ofSeconds(8));
        return settings;
    }
}
