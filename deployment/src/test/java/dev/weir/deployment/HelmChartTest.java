package dev.weir.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Helm chart for any Weir application, checked with Helm itself (helm-java embeds it):
 * it lints clean, and renders with the default values and the fraud detector's into manifests
 * that parse into Kubernetes model objects and say what the chart promises.
 */
class HelmChartTest {

    private static final Path CHART = Repository.chart();
    private static final Path FRAUD_DETECTOR_VALUES = CHART.resolve("values-fraud-detector.yaml");
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void theChartLintsCleanUnderStrictRules() {
        LintResult defaults = new Helm(CHART).lint().strict().call();
        assertThat(defaults.isFailed()).as(String.join("\n", defaults.getMessages())).isFalse();
    }

    @Test
    void withDefaultValuesItRendersAStatefulSetWithStateVolumeProbesAndStableInstanceIds() {
        List<HasMetadata> manifests = render(new Helm(CHART).template().withName("orders"));

        assertThat(manifests).extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder("StatefulSet", "Service", "Service", "PodDisruptionBudget", "ConfigMap");
        StatefulSet statefulSet = only(manifests, StatefulSet.class);
        assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(2);
        assertThat(statefulSet.getSpec().getServiceName()).isEqualTo("orders-instances");
        assertThat(statefulSet.getSpec().getVolumeClaimTemplates()).singleElement()
                .satisfies(claim -> assertThat(claim.getSpec().getResources().getRequests().get("storage").toString())
                        .isEqualTo("10Gi"));
        Container app = statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(app.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(app.getVolumeMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getName()).isEqualTo("state");
            assertThat(mount.getMountPath()).isEqualTo("/var/lib/weir");
        });
        Map<String, String> env = env(app);
        assertThat(env).containsEntry("WEIR_APPLICATION_ID", "orders")
                .containsEntry("WEIR_STATE_DIR", "/var/lib/weir")
                .containsEntry("WEIR_INSTANCE_ID", "$(POD_NAME)")
                .containsEntry("WEIR_ADVERTISED_ENDPOINT", "$(POD_NAME).orders-instances.$(POD_NAMESPACE).svc:8080")
                .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "readinessState,weir")
                .containsEntry("MANAGEMENT_METRICS_TAGS_APPLICATION", "orders")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat(manifests).filteredOn(Service.class::isInstance).map(Service.class::cast)
                .filteredOn(s -> "None".equals(s.getSpec().getClusterIP()))
                .singleElement().satisfies(s -> assertThat(s.getMetadata().getName()).isEqualTo("orders-instances"));
        assertThat(only(manifests, PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    @Test
    void theDashboardConfigMapCarriesTheDashboardForGrafanasSidecar() throws Exception {
        ConfigMap dashboard = only(render(new Helm(CHART).template().withName("orders")), ConfigMap.class);

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode rendered = json.readTree(dashboard.getData().get("weir.json"));
        assertThat(rendered).isEqualTo(json.readTree(Files.readString(CHART.resolve("dashboards/weir.json"))));
    }

    @Test
    void withTheFraudDetectorsValuesItAddsAServiceMonitorAndAKedaScalerCappedAtThePartitions() {
        List<HasMetadata> manifests = render(new Helm(CHART).template().withName("fraud")
                .withValuesFile(FRAUD_DETECTOR_VALUES).set("keda.maxReplicaCount", 12));

        assertThat(env(only(manifests, StatefulSet.class).getSpec().getTemplate().getSpec().getContainers().get(0)))
                .containsEntry("WEIR_APPLICATION_ID", "fraud-detector")
                .containsEntry("FRAUD_GENERATOR_ENABLED", "true");
        GenericKubernetesResource serviceMonitor = generic(manifests, "ServiceMonitor");
        assertThat(serviceMonitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(serviceMonitor.<String>get("spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");
        GenericKubernetesResource scaler = generic(manifests, "ScaledObject");
        assertThat(scaler.<Object>get("spec", "maxReplicaCount")).isEqualTo(6);
        assertThat(scaler.<String>get("spec", "scaleTargetRef", "kind")).isEqualTo("StatefulSet");
        assertThat(scaler.<String>get("spec", "triggers", 0, "metadata", "consumerGroup")).isEqualTo("fraud-detector");
        assertThat(scaler.<String>get("spec", "triggers", 0, "metadata", "topic")).isEqualTo("transactions");
    }

    @Test
    void kedaWithoutATopicFailsRenderingWithAMessageNamingTheValue() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("orders").set("keda.enabled", true).call())
                .hasMessageContaining("keda.topic");
    }

    private List<HasMetadata> render(TemplateCommand command) {
        String rendered = command.call();
        List<HasMetadata> manifests = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
                manifests.add(serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return manifests;
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> manifests, Class<T> type) {
        List<T> matching = manifests.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as("manifests of type %s", type.getSimpleName()).hasSize(1);
        return matching.get(0);
    }

    private static GenericKubernetesResource generic(List<HasMetadata> manifests, String kind) {
        return manifests.stream().filter(m -> m.getKind().equals(kind)).map(GenericKubernetesResource.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " among " + manifests));
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }
}
