package dev.weir.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.weir.config.ErrorPolicy;
import dev.weir.config.ProcessingGuarantee;
import dev.weir.config.WeirConfig;
import dev.weir.config.WeirConfigException;
import dev.weir.pipeline.Pipeline;
import dev.weir.spring.boot.SerdeResolver;
import dev.weir.spring.boot.WeirConfigCustomizer;
import dev.weir.spring.boot.WeirProperties;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import dev.weir.spring.internals.WeirOperatorAnnotationBeanPostProcessor;
import dev.weir.spring.internals.WeirOperatorRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

class WeirAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
                    WeirAutoConfiguration.class))
            .withPropertyValues("weir.auto-startup=false");

    @Test
    void definesTheConfigurationTheRegistryAndTheRuntime() {
        runner.withPropertyValues("weir.application-id=orders").run(context -> {
            assertThat(context).hasSingleBean(WeirConfig.class).hasSingleBean(WeirRuntimeLifecycle.class)
                    .hasSingleBean(WeirOperatorRegistry.class).hasSingleBean(SerdeResolver.class)
                    .hasSingleBean(WeirOperatorAnnotationBeanPostProcessor.class);
            assertThat(context.getBean(WeirConfig.class).applicationId()).isEqualTo("orders");
            assertThat(context.getBean(WeirRuntimeLifecycle.class).runtime()).isEmpty();
        });
    }

    @Test
    void theApplicationIdDefaultsToTheSpringApplicationName() {
        runner.withPropertyValues("spring.application.name=fraud-detector")
                .run(context -> assertThat(context.getBean(WeirConfig.class).applicationId()).isEqualTo("fraud-detector"));
    }

    @Test
    void withoutAnApplicationIdTheContextFailsNamingTheProperty() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            WeirConfigException cause = rootCause(context.getStartupFailure(), WeirConfigException.class);
            assertThat(cause.property()).isEqualTo("weir.application-id");
            FailureAnalysis analysis = new WeirConfigFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("'weir.application-id'").contains("is required");
            assertThat(analysis.getAction()).contains("WEIR_APPLICATIONID").contains("spring.application.name");
        });
    }

    @Test
    void anInvalidValueFailsNamingTheProperty() {
        runner.withPropertyValues("weir.application-id=orders", "weir.workers=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure(), WeirConfigException.class).property())
                    .isEqualTo("weir.workers");
        });
    }

    @Test
    void aValueOfTheWrongKindFailsBindingNamingTheProperty() {
        runner.withPropertyValues("weir.application-id=orders", "weir.checkpoint.interval=often").run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure(), BindException.class).getProperty().getName().toString())
                    .isEqualTo("weir.checkpoint.interval");
        });
    }

    @Test
    void kafkaIsConfiguredOnceUnderSpringKafka() {
        runner.withPropertyValues("weir.application-id=orders", "spring.kafka.bootstrap-servers=kafka-1:9092,kafka-2:9092",
                "spring.kafka.security.protocol=SASL_SSL", "spring.kafka.properties.sasl.mechanism=PLAIN",
                "spring.kafka.ssl.trust-store-type=PKCS12").run(context -> {
                    WeirConfig config = context.getBean(WeirConfig.class);
                    assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
                    assertThat(config.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                            .containsEntry("sasl.mechanism", "PLAIN").containsEntry("ssl.truststore.type", "PKCS12");
                });
    }

    @Test
    void weirPropertiesWinOverSpringKafka() {
        runner.withPropertyValues("weir.application-id=orders", "spring.kafka.bootstrap-servers=shared:9092",
                "spring.kafka.properties.sasl.mechanism=PLAIN", "weir.bootstrap-servers=weir-only:9092",
                "weir.kafka.sasl.mechanism=SCRAM-SHA-512").run(context -> {
                    WeirConfig config = context.getBean(WeirConfig.class);
                    assertThat(config.bootstrapServers()).isEqualTo("weir-only:9092");
                    assertThat(config.kafkaProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
                });
    }

    @Test
    void everyWeirPropertyReachesTheConfiguration() {
        runner.withPropertyValues("weir.application-id=orders", "weir.instance-id=node-7", "weir.state-dir=/data/weir",
                "weir.workers=3", "weir.key-groups=720", "weir.processing-guarantee=at-least-once",
                "weir.advertised-endpoint=node-7.orders:8080", "weir.checkpoint.interval=250ms",
                "weir.checkpoint.timeout=20s", "weir.checkpoint.min-pause=50ms", "weir.checkpoint.tolerable-failures=5",
                "weir.errors.policy=skip", "weir.errors.dead-letter-topic=bad-orders", "weir.restart.strategy=failure-rate",
                "weir.restart.failure-rate.max-failures=4", "weir.restart.failure-rate.interval=2m",
                "weir.restart.failure-rate.delay=3s", "weir.state.memory=64MB",
                "weir.internal-topics.replication-factor=3", "weir.repartition.partitions=12",
                "weir.transaction.timeout=30s", "weir.watermark.interval=50ms", "weir.kafka.client.rack=eu-1a", "weir.kafka.consumer.max.poll.records=500",
                "weir.kafka.producer.linger.ms=10", "weir.kafka.admin.retries=7").run(context -> {
                    WeirConfig config = context.getBean(WeirConfig.class);
                    assertThat(config.instanceId()).contains("node-7");
                    assertThat(config.stateDir()).isEqualTo(Path.of("/data/weir"));
                    assertThat(config.workers()).isEqualTo(3);
                    assertThat(config.keyGroups()).isEqualTo(720);
                    assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
                    assertThat(config.advertisedEndpoint()).contains("node-7.orders:8080");
                    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(config.checkpointTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(config.checkpointMinPause()).isEqualTo(Duration.ofMillis(50));
                    assertThat(config.tolerableCheckpointFailures()).isEqualTo(5);
                    assertThat(config.errorPolicy()).isEqualTo(ErrorPolicy.SKIP);
                    assertThat(config.deadLetterTopic()).isEqualTo("bad-orders");
                    assertThat(config.restartStrategy().toString()).contains("4").contains("PT2M").contains("PT3S");
                    assertThat(config.stateMemoryBytes()).isEqualTo(64L << 20);
                    assertThat(config.internalTopicReplicationFactor()).isEqualTo((short) 3);
                    assertThat(config.repartitionPartitions()).isEqualTo(12);
                    assertThat(config.transactionTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(config.watermarkInterval()).isEqualTo(Duration.ofMillis(50));
                    assertThat(config.kafkaProperties()).containsEntry("client.rack", "eu-1a");
                    assertThat(config.consumerProperties()).containsEntry("max.poll.records", "500");
                    assertThat(config.producerProperties()).containsEntry("linger.ms", "10");
                    assertThat(config.adminProperties()).containsEntry("retries", "7");
                });
    }

    @Test
    void theStartersDefaultsAreTheCoresDefaults() {
        runner.withPropertyValues("weir.application-id=orders", "spring.kafka.bootstrap-servers=kafka:9092").run(context -> {
            WeirConfig fromStarter = context.getBean(WeirConfig.class);
            WeirConfig core = WeirConfig.custom().applicationId("orders").bootstrapServers("kafka:9092").build();
            assertThat(fromStarter.toString()).isEqualTo(core.toString());
            assertThat(fromStarter.checkpointTimeout()).isEqualTo(core.checkpointTimeout());
            assertThat(fromStarter.checkpointMinPause()).isEqualTo(core.checkpointMinPause());
            assertThat(fromStarter.tolerableCheckpointFailures()).isEqualTo(core.tolerableCheckpointFailures());
            assertThat(fromStarter.stateMemoryBytes()).isEqualTo(core.stateMemoryBytes());
            assertThat(fromStarter.internalTopicReplicationFactor()).isEqualTo(core.internalTopicReplicationFactor());
            assertThat(fromStarter.transactionTimeout()).isEqualTo(core.transactionTimeout());
            assertThat(fromStarter.deadLetterTopic()).isEqualTo(core.deadLetterTopic());
            assertThat(fromStarter.restartStrategy().toString()).isEqualTo(core.restartStrategy().toString());
        });
    }

    @Test
    void customizersRunAfterThePropertiesInTheirOrder() {
        runner.withPropertyValues("weir.application-id=orders", "weir.workers=2")
                .withUserConfiguration(Customizers.class)
                .run(context -> assertThat(context.getBean(WeirConfig.class).workers()).isEqualTo(6));
    }

    @Test
    void theUsersBeansReplaceOurs() {
        runner.withUserConfiguration(UserBeans.class).run(context -> {
            assertThat(context).hasSingleBean(WeirConfig.class).hasSingleBean(SerdeResolver.class)
                    .hasSingleBean(WeirRuntimeLifecycle.class);
            assertThat(context.getBean(WeirConfig.class).applicationId()).isEqualTo("users-own");
            assertThat(context.getBean(SerdeResolver.class)).isSameAs(UserBeans.SERDES);
            assertThat(context.getBean(WeirRuntimeLifecycle.class)).isSameAs(context.getBean("usersLifecycle"));
        });
    }

    private static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WeirConfigCustomizer doubling() {
            return builder -> builder.workers(6);
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WeirConfigCustomizer first() {
            return builder -> builder.workers(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        static final SerdeResolver SERDES = type -> Serdes.String();

        @Bean
        WeirConfig usersConfig() {
            return WeirConfig.custom().applicationId("users-own").bootstrapServers("kafka:9092").build();
        }

        @Bean
        SerdeResolver usersSerdes() {
            return SERDES;
        }

        @Bean
        WeirRuntimeLifecycle usersLifecycle(WeirConfig config, WeirProperties properties, Environment environment) {
            return new WeirRuntimeLifecycle(() -> Optional.<Pipeline>empty(), config, properties, environment,
                    event -> { }, null);
        }
    }
}
