package dev.weir.spring.internals;

import java.util.Map;

import dev.weir.config.WeirConfig;
import org.apache.kafka.common.config.SslConfigs;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;

/**
 * Applies Boot's Kafka connection to a Weir configuration: the bootstrap servers, the security
 * protocol and SSL (an SSL bundle included) of {@code spring.kafka.*} or of a service connection,
 * and the client properties of {@code spring.kafka.properties.*}. The settings Boot keeps per
 * client kind ({@code spring.kafka.consumer.*} and so on) configure Spring Kafka's own clients
 * and are not taken: Weir sets what its consumers and producers need.
 */
public final class SpringKafkaConnection {

    private SpringKafkaConnection() {
    }

    /** Copies the connection into {@code builder}; either argument may be {@code null} when Boot's Kafka support is off. */
    public static void applyTo(WeirConfig.Builder builder, KafkaProperties properties, KafkaConnectionDetails details) {
        if (properties != null) {
            properties.getProperties().forEach(builder::kafkaProperty);
            properties.getSecurity().buildProperties().forEach(builder::kafkaProperty);
        }
        if (details == null) {
            return;
        }
        builder.bootstrapServers(String.join(",", details.getBootstrapServers()));
        if (details.getSecurityProtocol() != null) {
            builder.kafkaProperty("security.protocol", details.getSecurityProtocol());
        }
        SslBundle bundle = details.getSslBundle();
        if (bundle != null) {
            builder.kafkaProperty(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
            builder.kafkaProperty(SslBundle.class.getName(), bundle);
        } else if (properties != null) {
            Map<String, Object> ssl = properties.getSsl().buildProperties();
            ssl.forEach(builder::kafkaProperty);
        }
    }
}
