package dev.weir.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaCluster;
import dev.weir.test.ExactlyOnceChecker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter in a Boot application on the real broker: annotated operators become a pipeline
 * that counts exactly once, their state answers over HTTP, and the actuator shows and
 * checkpoints the runtime.
 */
@SpringBootTest(classes = WordCountApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=word-count-app",
                "management.endpoints.web.exposure.include=health,weir",
                "management.endpoint.health.show-details=always",
                "weir.query.advertised-host=127.0.0.1"})
@ContextConfiguration(initializers = EmbeddedKafkaContextInitializer.class)
@DirtiesContext
class WeirStarterOnRealBrokerTest {

    private static final int WORDS = 3_000;

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("weir.state-dir", stateDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    WeirRuntimeLifecycle lifecycle;

    @Autowired
    EmbeddedKafkaCluster kafka;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void annotatedOperatorsCountExactlyOnceAndAnswerForTheirState() throws Exception {
        Map<String, List<Long>> expected = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < WORDS; i++) {
                String word = "w" + (i % 30);
                producer.send(new ProducerRecord<>("words", word, "text " + i));
                List<Long> counts = expected.computeIfAbsent(word, w -> new ArrayList<>());
                counts.add(counts.size() + 1L);
            }
            producer.send(new ProducerRecord<>("orders", null, "{\"customer\":\"ann\",\"product\":\"tea\",\"amount\":2.5}"));
            producer.send(new ProducerRecord<>("orders", null, "{\"customer\":\"ann\",\"product\":\"tea\",\"amount\":4}"));
            producer.send(new ProducerRecord<>("orders", null, "{not json"));
            producer.send(new ProducerRecord<>("orders", null, "{\"customer\":\"bob\",\"product\":\"cake\",\"amount\":7}"));
        }

        ExactlyOnceChecker<String, Long> checker = ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "word-counts",
                new StringDeserializer(), new LongDeserializer());
        checker.awaitCommittedRecords(WORDS, Duration.ofSeconds(60));
        CheckReport<String, Long> report = checker.checkPerKeySequences(expected);
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ann = get("/weir/state/customer-total/total/ann").body;
            assertThat(ann.path("value").asDouble()).isEqualTo(6.5);
        });
        Reply count = get("/weir/state/word-count/count/w7");
        assertThat(count.status).isEqualTo(200);
        assertThat(count.body.path("value").asLong()).isEqualTo(WORDS / 30);
        assertThat(count.body.path("instance").asString()).isEqualTo(lifecycle.runtime().orElseThrow().instanceId());
        Reply products = get("/weir/state/customer-total/products/ann");
        assertThat(products.body.path("value").path("tea").asInt()).isEqualTo(2);
        assertThat(get("/weir/state/word-count/count/never-seen").status).isEqualTo(404);
        assertThat(get("/weir/state/word-count/nothing/w1").body.path("error").asString()).contains("[count]");
        assertThat(get("/weir/state").body.path("operators").size()).isEqualTo(2);
        assertThat(lifecycle.runtime().orElseThrow().deadLetteredRecords()).isEqualTo(1);
    }

    @Test
    void theActuatorShowsTheRuntimeAndTriggersACheckpoint() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Reply health = get("/actuator/health");
            assertThat(health.body.path("components").path("weir").path("status").asString()).isEqualTo("UP");
            // words: 4 tasks; orders: 4 reading the topic and 4 reading the repartition topic
            assertThat(health.body.path("components").path("weir").path("details").path("tasks").asInt()).isEqualTo(12);
        });
        Reply status = get("/actuator/weir");
        assertThat(status.body.path("application").asString()).isEqualTo("word-count-app");
        assertThat(status.body.path("endpoint").asString()).isEqualTo("127.0.0.1:" + port);
        JsonNode firstTask = status.body.path("workers").get(0).path("tasks").get(0);
        assertThat(firstTask.path("partitions").get(0).has("committedOffset")).isTrue();

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri("/actuator/weir"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(posted.body()).path("completed").asBoolean()).as(posted.body()).isTrue();
    }

    @Test
    void theRuntimesMetersAreRegisteredWithApplicationAndInstanceTags() {
        String instance = lifecycle.runtime().orElseThrow().instanceId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.get("weir.tasks.active").tag("application", "word-count-app").tag("instance", instance)
                    .gauge().value()).isEqualTo(12);
            assertThat(meters.get("weir.checkpoints.completed").functionCounter().count()).isPositive();
            assertThat(meters.get("weir.workers").tag("phase", "running").gauge().value()).isEqualTo(1);
        });
    }

    private Reply get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), json.readTree(response.body()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private record Reply(int status, JsonNode body) {
    }
}
