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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.weir.test.CheckReport;
import dev.weir.test.EmbeddedKafkaCluster;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * {@code @WeirWindow} operators in a Boot application on the real broker: tumbling windows that
 * aggregate as elements arrive and session windows that keep them, both over one topic read in
 * event time; the windowed bean's own state counts across windows and answers over HTTP; a
 * click too late for its windows goes to the late-data topic.
 */
@SpringBootTest(classes = ClickWindowsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=click-windows",
                "weir.sources.clicks.watermark.out-of-orderness=1s",
                "weir.query.advertised-host=127.0.0.1"})
@ContextConfiguration(initializers = EmbeddedKafkaContextInitializer.class)
@DirtiesContext
class WeirWindowOnRealBrokerTest {

    /** A start of ten-second windows: the windows are [T, T + 10 s), [T + 10 s, T + 20 s), ... */
    private static final long T = 1_700_000_000_000L;

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("weir.state-dir", stateDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaCluster kafka;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void windowsAreReportedOnceWhenTheWatermarkPassesThemAndAClickTooLateGoesToTheLateDataTopic() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            click(producer, "ann", 1_000, "a1");
            click(producer, "ann", 2_000, "a2");
            click(producer, "bob", 4_000, "b1");
            click(producer, "ann", 3_000, "a3");
            click(producer, "ann", 12_000, "a4");
            click(producer, "bob", 30_000, "b2");
            moveEveryPartitionsWatermarkTo(producer, 100_000);

            assertExactlyOnce("click-counts", List.of(
                    Map.entry("ann", window(0, 10_000) + " 3 clicks, window #1"),
                    Map.entry("ann", window(10_000, 20_000) + " 1 clicks, window #2"),
                    Map.entry("bob", window(0, 10_000) + " 1 clicks, window #1"),
                    Map.entry("bob", window(30_000, 40_000) + " 1 clicks, window #2")));
            assertExactlyOnce("click-sessions", List.of(
                    Map.entry("ann", window(1_000, 8_000) + " [a1, a2, a3]"),
                    Map.entry("ann", window(12_000, 17_000) + " [a4]"),
                    Map.entry("bob", window(4_000, 9_000) + " [b1]"),
                    Map.entry("bob", window(30_000, 35_000) + " [b2]")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    get("/weir/state/clicks-per-window/windows-reported/ann").path("value").asLong()).isEqualTo(2));

            click(producer, "ann", 5_000, "too late");
        }
        // Late for the windows of both operators: each writes the record it read to the late-data topic.
        assertExactlyOnce("click-windows-late", List.of(Map.entry("ann", "too late"), Map.entry("ann", "too late")));
    }

    private void assertExactlyOnce(String topic, List<Map.Entry<String, String>> expected) {
        ExactlyOnceChecker<String, String> checker = ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), topic,
                new StringDeserializer(), new StringDeserializer());
        checker.awaitCommittedRecords(expected.size(), Duration.ofSeconds(60));
        CheckReport<String, String> report = checker.checkMultiset(expected);
        assertThat(report.isExactlyOnce()).as(topic + ": " + report).isTrue();
    }

    private static void click(KafkaProducer<String, String> producer, String user, long afterT, String click) {
        producer.send(new ProducerRecord<>("clicks", null, T + afterT, user, click));
    }

    /**
     * Writes a click at {@code afterT} into every partition of the topic (its keys, one per
     * partition, are of users who click nowhere else), so that the watermark, the least over the
     * partitions, passes every window that ends a second or more before.
     */
    private static void moveEveryPartitionsWatermarkTo(KafkaProducer<String, String> producer, long afterT)
            throws Exception {
        Set<Integer> partitions = new HashSet<>();
        for (int i = 0; partitions.size() < 4; i++) {
            partitions.add(producer.send(new ProducerRecord<>("clicks", null, T + afterT, "ticker-" + i, "tick"))
                    .get().partition());
        }
    }

    private static String window(long start, long end) {
        return (T + start) + "/" + (T + end);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
