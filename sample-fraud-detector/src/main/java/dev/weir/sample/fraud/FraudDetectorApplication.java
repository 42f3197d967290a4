package dev.weir.sample.fraud;

import java.util.Locale;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fraud detector: two keyed rules over card transactions, exactly once, as a plain Spring
 * Boot application. With no Kafka configured it starts a broker of its own and generates traffic
 * with fraud in it, so that {@code java -jar fraud-detector.jar} shows alerts at once.
 */
@SpringBootApplication
@EnableConfigurationProperties(FraudProperties.class)
public class FraudDetectorApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(FraudDetectorApplication.class, args);
    }

    /** The transactions topic, created when missing. */
    @Bean
    NewTopic transactionsTopic(FraudProperties properties) {
        return TopicBuilder.name(properties.getTopics().getTransactions())
                .partitions(properties.getTopics().getPartitions()).build();
    }

    /** The alerts topic, created when missing. */
    @Bean
    NewTopic alertsTopic(FraudProperties properties) {
        return TopicBuilder.name(properties.getTopics().getAlerts())
                .partitions(properties.getTopics().getPartitions()).build();
    }

    /** The built-in traffic, unless {@code fraud.generator.enabled=false}. */
    @Bean
    @ConditionalOnProperty(prefix = "fraud.generator", name = "enabled", matchIfMissing = true)
    TransactionGeneratorRunner transactionGenerator(FraudProperties properties, KafkaTemplate<String, String> kafka,
                                                    JsonMapper json) {
        String run = Long.toString(System.currentTimeMillis(), 36).toLowerCase(Locale.ROOT);
        return new TransactionGeneratorRunner(
                new TransactionGenerator(properties.getRules(), properties.getGenerator(), run), kafka, json,
                properties.getTopics().getTransactions());
    }
}
