package dev.weir.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.weir.runtime.WeirRuntime;
import dev.weir.spring.boot.actuate.WeirHealthIndicator;
import dev.weir.test.EmbeddedKafkaCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A worker that fails for good turns the health DOWN, with the reason. */
@SpringBootTest(classes = FailingOperatorApplication.class, properties = {
        "spring.application.name=failing-app",
        "weir.errors.policy=fail",
        "weir.restart.strategy=none"})
@ContextConfiguration(initializers = EmbeddedKafkaContextInitializer.class)
@DirtiesContext
class WeirHealthOnFailureTest {

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("weir.state-dir", stateDir::toString);
    }

    @Autowired
    WeirHealthIndicator health;

    @Autowired
    WeirRuntimeLifecycle lifecycle;

    @Autowired
    EmbeddedKafkaCluster kafka;

    @Test
    void aWorkerThatFailedForGoodMakesTheHealthDownAndSaysWhy() {
        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().getCode().equals("UP"));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("words", "w", "poison"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.runtime().orElseThrow().state()
                == WeirRuntime.State.FAILED);
        Health down = health.health();
        assertThat(down.getStatus().getCode()).isEqualTo("DOWN");
        assertThat((List<?>) down.getDetails().get("reasons")).anySatisfy(reason -> assertThat(reason.toString())
                .contains("worker 0 failed for good").contains("cannot stomach poison"));
    }
}
