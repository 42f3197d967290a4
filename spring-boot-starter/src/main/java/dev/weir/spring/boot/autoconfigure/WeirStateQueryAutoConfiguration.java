package dev.weir.spring.boot.autoconfigure;

import dev.weir.spring.boot.WeirProperties;
import dev.weir.spring.boot.WeirRuntimeLifecycle;
import dev.weir.spring.internals.WeirOperatorRegistry;
import dev.weir.spring.query.DefaultStateKeyParser;
import dev.weir.spring.query.StateKeyParser;
import dev.weir.spring.query.StateQueryRoutes;
import dev.weir.spring.query.StateQueryService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves state queries over HTTP in a servlet web application: {@code weir.query.path}, by
 * default {@code /weir/state}. Off with {@code weir.query.enabled=false}.
 */
@AutoConfiguration(after = WeirAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(WeirRuntimeLifecycle.class)
@ConditionalOnProperty(prefix = "weir.query", name = "enabled", matchIfMissing = true)
public class WeirStateQueryAutoConfiguration {

    /** Reads query keys as the operators' key types. */
    @Bean
    @ConditionalOnMissingBean
    StateKeyParser weirStateKeyParser(WeirOperatorRegistry operators) {
        return new DefaultStateKeyParser(operators::keyType, ApplicationConversionService.getSharedInstance());
    }

    /** Answers queries here, or forwards them to the instance that runs the key's task. */
    @Bean
    @ConditionalOnMissingBean
    StateQueryService weirStateQueryService(WeirRuntimeLifecycle lifecycle, StateKeyParser keys,
                                            ObjectProvider<JsonMapper> json, WeirProperties properties) {
        return new StateQueryService(lifecycle, keys, json.getIfAvailable(() -> JsonMapper.builder().build()),
                properties.getQuery().getPath(), properties.getQuery().getTimeout());
    }

    /** The routes of {@code weir.query.path}. */
    @Bean
    @ConditionalOnMissingBean(name = "weirStateQueryRoutes")
    RouterFunction<ServerResponse> weirStateQueryRoutes(StateQueryService queries, WeirRuntimeLifecycle lifecycle,
                                                       WeirProperties properties) {
        return StateQueryRoutes.routes(properties.getQuery().getPath(), queries, lifecycle);
    }
}
