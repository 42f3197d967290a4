package dev.weir.spring.boot.autoconfigure;

import dev.weir.config.WeirConfig;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import dev.weir.spring.boot.actuate.WeirEndpoint;
import dev.weir.spring.boot.actuate.WeirHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code weir} health indicator and actuator endpoint, where Spring Boot's actuator is on the class path. */
@AutoConfiguration(after = WeirAutoConfiguration.class)
@ConditionalOnBean(WeirRuntimeLifecycle.class)
public class WeirActuatorAutoConfiguration {

    /** The health indicator, {@code management.health.weir.enabled}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("weir")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "weirHealthIndicator")
        WeirHealthIndicator weirHealthIndicator(WeirRuntimeLifecycle lifecycle, WeirConfig config) {
            return new WeirHealthIndicator(lifecycle, config.checkpointInterval(), config.checkpointTimeout());
        }
    }

    /** The endpoint, when exposed ({@code management.endpoints.web.exposure.include=weir}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnAvailableEndpoint(WeirEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        WeirEndpoint weirEndpoint(WeirRuntimeLifecycle lifecycle, WeirConfig config) {
            return new WeirEndpoint(lifecycle, config.checkpointTimeout());
        }
    }
}
