package dev.weir.sample.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard against a real Prometheus scraping the sample on its embedded broker:
 * every query of every panel must return data. A panel that asks for a metric nobody exports, or
 * with a label nobody sets, fails here. Needs Prometheus's binary ({@code prometheus} on the path,
 * Debian's package; {@code .ci/run} installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fraud.generator.pattern-every=500ms",
        "weir.query.advertised-host=127.0.0.1"})
@DirtiesContext
class DashboardQueriesTest {

    private static final Path DASHBOARD = Path.of("..", "charts", "weir", "dashboards", "weir.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("weir.state-dir", stateDir::toString);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path prometheusDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process prometheus;

    @AfterEach
    void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyQueryOfEveryPanelReturnsDataFromARealPrometheus() throws Exception {
        String prometheusUrl = startPrometheus();
        await().atMost(Duration.ofSeconds(60)).until(() -> !query(prometheusUrl, "up{job=\"weir\"} == 1").isEmpty());
        // Rates need two scrapes within their range; histograms need records in both.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !query(prometheusUrl, "rate(weir_records_consumed_total[1m]) > 0").isEmpty());

        List<String> empty = new ArrayList<>();
        List<String> queried = new ArrayList<>();
        for (JsonNode panel : JSON.readTree(Files.readString(DASHBOARD)).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString().replace("$application", "fraud-detector");
                queried.add(expr);
                if (query(prometheusUrl, expr).isEmpty()) {
                    empty.add(panel.path("title").asString() + ": " + expr);
                }
            }
        }

        assertThat(queried).hasSizeGreaterThan(20);
        assertThat(empty).as("panel queries that return no data").isEmpty();
    }

    private String startPrometheus() throws IOException {
        int webPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            webPort = socket.getLocalPort();
        }
        Path config = prometheusDir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "scrape_configs:",
                "  - job_name: weir",
                "    metrics_path: /actuator/prometheus",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + port + "']",
                ""));
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + prometheusDir.resolve("data"), "--web.listen-address=127.0.0.1:" + webPort)
                .redirectErrorStream(true).redirectOutput(prometheusDir.resolve("prometheus.log").toFile()).start();
        return "http://127.0.0.1:" + webPort;
    }

    /** The result of an instant query; fails unless Prometheus accepts the query. */
    private JsonNode query(String prometheusUrl, String expr) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asString()).as("%s: %s", expr, response.body()).isEqualTo("success");
        return body.path("data").path("result");
    }
}
