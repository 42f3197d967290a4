package dev.weir.spring.boot;

import java.util.List;
import java.util.Map;

import dev.weir.test.EmbeddedKafkaCluster;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real broker for a test's application context, creates the test topics, points
 * {@code spring.kafka.bootstrap-servers} at it, and makes it a bean of the context, so that it
 * stops only after the Weir runtime took its last checkpoint.
 */
class EmbeddedKafkaContextInitializer implements ApplicationContextInitializer<GenericApplicationContext> {

    static final List<String> TOPICS = List.of("words", "word-counts", "orders", "customer-totals", "clicks", "click-counts",
            "click-sessions");

    @Override
    public void initialize(GenericApplicationContext context) {
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start();
        TOPICS.forEach(topic -> kafka.createTopic(topic, 4));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-kafka",
                Map.of("spring.kafka.bootstrap-servers", kafka.bootstrapServers())));
        context.registerBean("embeddedKafka", EmbeddedKafkaCluster.class, () -> kafka,
                definition -> definition.setDestroyMethodName("close"));
    }
}
