package dev.weir.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docker-compose.yml} cannot run here (no Docker engine), so it is checked as far as a file
 * can be: it parses, every file it mounts or builds from exists, and the addresses the services
 * give each other agree — the instances' bootstrap servers with the broker's listener,
 * Prometheus's targets with the instances, Grafana's data source with Prometheus.
 */
class DockerComposeTest {

    private static final Path ROOT = Repository.root();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final List<String> INSTANCES = List.of("fraud-detector-1", "fraud-detector-2");

    private final JsonNode compose = read(ROOT.resolve("docker-compose.yml"));
    private final JsonNode services = compose.path("services");

    @Test
    void itDefinesTheBrokerTwoInstancesPrometheusAndGrafana() {
        List<String> names = new ArrayList<>();
        names.addAll(services.propertyNames());
        assertThat(names).containsExactlyInAnyOrder("kafka", "fraud-detector-1", "fraud-detector-2", "prometheus", "grafana");
        assertThat(services.path("kafka").path("image").asString()).startsWith("apache/kafka:");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asString())
                .isEqualTo("broker,controller");
    }

    @Test
    void everyMountedFileAndBuildContextExists() {
        for (JsonNode service : services) {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.asString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(ROOT.resolve(source).normalize()).as("mounted %s", source).exists();
                } else {
                    assertThat(compose.path("volumes").has(source)).as("named volume %s is declared", source).isTrue();
                }
            }
            if (service.has("build")) {
                Path context = ROOT.resolve(service.path("build").asString()).normalize();
                assertThat(context.resolve("Dockerfile")).exists();
            }
        }
    }

    @Test
    void theImageIsBuiltFromTheJarTheSampleBuilds() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("sample-fraud-detector/Dockerfile"));
        String pom = Files.readString(ROOT.resolve("sample-fraud-detector/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        assertThat(dockerfile).contains("COPY target/" + finalName.group(1) + ".jar ");
        assertThat(services.path("fraud-detector-2").path("image").asString())
                .isEqualTo(services.path("fraud-detector-1").path("image").asString());
    }

    @Test
    void theInstancesBootstrapFromTheBrokersAdvertisedListener() {
        JsonNode kafka = services.path("kafka").path("environment");
        List<String> advertised = List.of(kafka.path("KAFKA_ADVERTISED_LISTENERS").asString().split(","));
        for (String instance : INSTANCES) {
            String bootstrap = services.path(instance).path("environment").path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString();
            assertThat(advertised).as("%s bootstraps from %s", instance, bootstrap).contains("PLAINTEXT://" + bootstrap);
            assertThat(bootstrap).startsWith("kafka:");
            assertThat(services.path(instance).path("depends_on").path("kafka").path("condition").asString())
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void eachInstanceAdvertisesItsOwnNameAndHostPortsDoNotCollide() {
        Set<String> hostPorts = new HashSet<>();
        for (JsonNode service : services) {
            for (JsonNode port : service.path("ports")) {
                assertThat(hostPorts.add(port.asString().split(":")[0])).as("host port of %s", port.asString()).isTrue();
            }
        }
        for (String instance : INSTANCES) {
            JsonNode env = services.path(instance).path("environment");
            assertThat(env.path("WEIR_ADVERTISED_ENDPOINT").asString()).isEqualTo(instance + ":8080");
            assertThat(services.path(instance).path("hostname").asString()).isEqualTo(instance);
        }
    }

    @Test
    void prometheusScrapesEveryInstanceAtItsActuatorEndpoint() {
        String mounted = services.path("prometheus").path("volumes").get(0).asString();
        JsonNode prometheus = read(ROOT.resolve(mounted.split(":")[0]).normalize());
        JsonNode job = prometheus.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").get(0).path("targets").forEach(t -> targets.add(t.asString()));
        assertThat(targets).containsExactlyInAnyOrder(INSTANCES.stream().map(i -> i + ":8080").toArray(String[]::new));
    }

    @Test
    void grafanaReadsPrometheusAndLoadsTheChartsDashboard() {
        JsonNode grafana = services.path("grafana");
        List<String> volumes = new ArrayList<>();
        grafana.path("volumes").forEach(v -> volumes.add(v.asString()));
        assertThat(volumes).contains("./charts/weir/dashboards:/var/lib/grafana/dashboards:ro");
        Path provisioning = ROOT.resolve("monitoring/grafana/provisioning");
        JsonNode datasource = read(provisioning.resolve("datasources/prometheus.yml")).path("datasources").get(0);
        assertThat(datasource.path("url").asString()).isEqualTo("http://prometheus:9090");
        assertThat(services.path("prometheus").path("ports").get(0).asString()).endsWith(":9090");
        JsonNode provider = read(provisioning.resolve("dashboards/weir.yml")).path("providers").get(0);
        assertThat(provider.path("options").path("path").asString()).isEqualTo("/var/lib/grafana/dashboards");
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new AssertionError("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }
}
