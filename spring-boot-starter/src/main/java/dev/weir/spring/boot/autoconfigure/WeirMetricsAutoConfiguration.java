package dev.weir.spring.boot.autoconfigure;

import dev.weir.spring.boot.WeirRuntimeLifecycle;
import dev.weir.spring.boot.metrics.WeirRuntimeMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The instance's {@code weir.*} meters, where Micrometer is on the class path and a registry is configured. */
@AutoConfiguration(after = {WeirAutoConfiguration.class, MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, WeirRuntimeLifecycle.class})
public class WeirMetricsAutoConfiguration {

    /** Registers the meters when the runtime starts. */
    @Bean
    @ConditionalOnMissingBean
    WeirRuntimeMeters weirRuntimeMeters(MeterRegistry registry) {
        return new WeirRuntimeMeters(registry);
    }
}
