package dev.weir.spring.boot.autoconfigure;

import dev.weir.config.WeirConfig;
import dev.weir.pipeline.Pipeline;
import dev.weir.spring.boot.SerdeResolver;
import dev.weir.spring.boot.WeirConfigCustomizer;
import dev.weir.spring.boot.WeirProperties;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import dev.weir.spring.internals.DefaultSerdeResolver;
import dev.weir.spring.internals.PipelineSource;
import dev.weir.spring.internals.SpringKafkaConnection;
import dev.weir.spring.internals.WeirOperatorAnnotationBeanPostProcessor;
import dev.weir.spring.internals.WeirOperatorRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configures Weir: the configuration from {@code spring.kafka.*}, {@code weir.*} and
 * {@link WeirConfigCustomizer} beans; the {@link dev.weir.spring.annotation.WeirOperator}
 * post-processor and registry; and the lifecycle-managed runtime of the application's pipeline.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JacksonAutoConfiguration.class})
@EnableConfigurationProperties(WeirProperties.class)
public class WeirAutoConfiguration {

    /** Registers {@code @WeirOperator} beans with the registry as they are created. */
    @Bean
    @ConditionalOnMissingBean
    static WeirOperatorAnnotationBeanPostProcessor weirOperatorAnnotationBeanPostProcessor() {
        return new WeirOperatorAnnotationBeanPostProcessor();
    }

    /** Holds the {@code @WeirOperator} beans. */
    @Bean
    @ConditionalOnMissingBean
    WeirOperatorRegistry weirOperatorRegistry() {
        return new WeirOperatorRegistry();
    }

    /** Kafka's serdes for the types Kafka knows, JSON with the application's {@link JsonMapper} for the others. */
    @Bean
    @ConditionalOnMissingBean
    SerdeResolver weirSerdeResolver(ObjectProvider<JsonMapper> jsonMapper) {
        return new DefaultSerdeResolver(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    /**
     * The configuration: Boot's Kafka connection, then {@code weir.*}, then the customizers. A
     * mistake fails here, at start-up, with a {@link dev.weir.config.WeirConfigException} naming
     * the property.
     */
    @Bean
    @ConditionalOnMissingBean
    WeirConfig weirConfig(WeirProperties properties, Environment environment,
                          ObjectProvider<KafkaProperties> kafkaProperties,
                          ObjectProvider<KafkaConnectionDetails> kafkaConnection,
                          ObjectProvider<WeirConfigCustomizer> customizers) {
        WeirConfig.Builder builder = WeirConfig.custom();
        SpringKafkaConnection.applyTo(builder, kafkaProperties.getIfAvailable(), kafkaConnection.getIfAvailable());
        properties.applyTo(builder, environment.getProperty("spring.application.name"));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Runs the pipeline with the application context; its meters go to the context's registry, if it has one. */
    @Bean
    @ConditionalOnMissingBean
    WeirRuntimeLifecycle weirRuntimeLifecycle(ObjectProvider<Pipeline> pipelines, WeirOperatorRegistry registry,
                                              SerdeResolver serdes, WeirConfig config, WeirProperties properties,
                                              Environment environment, ApplicationEventPublisher events,
                                              ObjectProvider<MeterRegistry> meterRegistry) {
        return new WeirRuntimeLifecycle(new PipelineSource(pipelines, registry, serdes, properties.getSources()), config, properties,
                environment, events, meterRegistry.getIfUnique());
    }
}
