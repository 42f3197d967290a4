package dev.weir.sample.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.weir.runtime.WeirRuntime;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample as it starts on a machine with nothing installed: it starts its own broker,
 * generates transactions with fraud patterns and near misses among them, and must flag each
 * fraud pattern exactly once and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fraud.generator.patterns=15",
        "fraud.generator.pattern-every=400ms",
        "fraud.generator.trailing-traffic=8s",
        "fraud.rules.small-then-large-window=3s",
        "fraud.rules.velocity-window=10s",
        "fraud.rules.velocity-window-slide=2s",
        "weir.sources.transactions.watermark.out-of-orderness=1s",
        "weir.query.advertised-host=127.0.0.1"})
@DirtiesContext
class FraudDetectorApplicationTest {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("weir.state-dir", stateDir::toString);
    }

    @Autowired
    EmbeddedKafkaCluster embeddedKafka;

    @Autowired
    TransactionGeneratorRunner generator;

    @Autowired
    WeirRuntimeLifecycle weir;

    @Autowired
    FraudProperties properties;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyFraudPatternYieldsExactlyOneAlertAndNoLegitimatePatternOne() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(generator::finished);
        List<TransactionGenerator.Pattern> patterns = generator.injected();
        assertThat(patterns).hasSize(15);
        assertThat(patterns.stream().filter(p -> p.kind().expectedRule().isEmpty())).hasSize(9);

        awaitEverythingProcessed();
        CheckReport<String, String> report = AlertChecks.check(embeddedKafka.bootstrapServers(),
                properties.getTopics().getAlerts(), patterns);

        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
        assertThat(report.recordsRead()).isEqualTo(6);
    }

    @Test
    void anAccountsRuleStateAnswersOverHttp() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(generator::finished);
        awaitEverythingProcessed();
        String burst = generator.injected().stream()
                .filter(p -> p.kind() == TransactionGenerator.PatternKind.VELOCITY_BURST).findFirst().orElseThrow()
                .accountId();

        JsonNode account = get("/accounts/" + burst);

        assertThat(account.path("accountId").asString()).isEqualTo(burst);
        // The first window over the limit may hold only part of the burst.
        assertThat(account.path("lastVelocityAlert").path("transactions").asLong())
                .isGreaterThan(properties.getRules().getVelocityMaxTransactions());
        assertThat(account.path("pendingSmallTransaction").isNull()).isTrue();
        assertThat(account.path("servedBy").asString()).isEqualTo(weir.runtime().orElseThrow().instanceId());
        assertThat(get("/actuator/health").path("components").path("weir").path("status").asString()).isEqualTo("UP");
        assertThat(text("/actuator/prometheus")).contains("weir_tasks_active{application=\"fraud-detector\"")
                .contains("weir_checkpoints_completed_total");
    }

    /** Waits until the runtime has read every transaction and committed a checkpoint after that. */
    private void awaitEverythingProcessed() throws Exception {
        WeirRuntime runtime = weir.runtime().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.status().tasks().size() == 6
                && runtime.status().lag() == 0);
        runtime.triggerCheckpoint().get(30, TimeUnit.SECONDS);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return json.readTree(text(path));
    }

    private String text(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
