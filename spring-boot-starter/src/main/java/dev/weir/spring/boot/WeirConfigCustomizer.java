package dev.weir.spring.boot;

import dev.weir.config.WeirConfig;

/**
 * Changes the Weir configuration after {@code spring.kafka.*} and {@code weir.*} were applied:
 * define beans of this type for what properties cannot say. Customizers run in their
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface WeirConfigCustomizer {

    /** Adjusts {@code builder}. */
    void customize(WeirConfig.Builder builder);
}
