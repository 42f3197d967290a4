package dev.weir.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.spring.boot.actuate.WeirEndpoint;
import dev.weir.spring.boot.actuate.WeirHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The actuator parts, with and without the actuator on the class path. */
class WeirActuatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
                    WeirAutoConfiguration.class, WeirActuatorAutoConfiguration.class))
            .withPropertyValues("weir.application-id=orders", "weir.auto-startup=false",
                    "management.endpoints.web.exposure.include=weir");

    @Test
    void withTheActuatorThereAreAHealthIndicatorAndAnEndpoint() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(WeirHealthIndicator.class).hasSingleBean(WeirEndpoint.class);
            Health health = context.getBean(WeirHealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
            assertThat(health.getDetails()).containsKey("reason");
            assertThat(context.getBean(WeirEndpoint.class).status()).containsEntry("state", "NO_PIPELINE");
        });
    }

    @Test
    void withoutTheActuatorThereIsNeitherIndicatorNorEndpoint() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class, Endpoint.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(WeirHealthIndicator.class).doesNotHaveBean(WeirEndpoint.class);
        });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOffAndTheEndpointLeftUnexposed() {
        runner.withPropertyValues("management.health.weir.enabled=false", "management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(WeirHealthIndicator.class)
                        .doesNotHaveBean(WeirEndpoint.class));
    }

    @Test
    void theUsersIndicatorReplacesOurs() {
        runner.withUserConfiguration(UsersIndicator.class).run(context -> {
            assertThat(context).doesNotHaveBean(WeirHealthIndicator.class);
            assertThat(context.getBean("weirHealthIndicator")).isSameAs(UsersIndicator.INDICATOR);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UsersIndicator {

        static final HealthIndicator INDICATOR = () -> Health.up().build();

        @Bean
        HealthIndicator weirHealthIndicator() {
            return INDICATOR;
        }
    }

}
