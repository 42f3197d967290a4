package dev.weir.sample.fraud;

import java.util.Map;

import dev.weir.test.EmbeddedKafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no Kafka configured (neither {@code spring.kafka.bootstrap-servers} nor
 * {@code weir.bootstrap-servers}), starts a real Apache Kafka broker in this process, in KRaft
 * mode, and points the application at it; {@code fraud.embedded-kafka.enabled=false} turns this
 * off. The broker is a bean of the context, so it stops after the Weir runtime's last checkpoint.
 */
public class EmbeddedKafkaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.containsProperty("spring.kafka.bootstrap-servers")
                || environment.containsProperty("weir.bootstrap-servers")
                || !environment.getProperty("fraud.embedded-kafka.enabled", Boolean.class, true)
                || !(context instanceof GenericApplicationContext registry)) {
            return;
        }
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().build().start();
        LOG.info("No Kafka configured (spring.kafka.bootstrap-servers): started an embedded Kafka broker at {}",
                kafka.bootstrapServers());
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-kafka",
                Map.of("spring.kafka.bootstrap-servers", kafka.bootstrapServers())));
        registry.registerBean("embeddedKafka", EmbeddedKafkaCluster.class, () -> kafka,
                definition -> definition.setDestroyMethodName("close"));
    }
}
