package dev.weir.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.spring.query.StateKeyParser;
import dev.weir.spring.query.StateQueryService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

class WeirStateQueryAutoConfigurationTest {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(KafkaAutoConfiguration.class,
            JacksonAutoConfiguration.class, WeirAutoConfiguration.class, WeirStateQueryAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS)
            .withPropertyValues("weir.application-id=orders", "weir.auto-startup=false");

    @Test
    void aServletApplicationServesStateQueries() {
        web.run(context -> assertThat(context).hasSingleBean(StateQueryService.class)
                .hasSingleBean(StateKeyParser.class).hasBean("weirStateQueryRoutes"));
    }

    @Test
    void queriesCanBeSwitchedOff() {
        web.withPropertyValues("weir.query.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(StateQueryService.class));
    }

    @Test
    void aNonWebApplicationOrOneWithoutSpringMvcServesNone() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withPropertyValues("weir.application-id=orders", "weir.auto-startup=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StateQueryService.class));
        web.withClassLoader(new FilteredClassLoader(RouterFunction.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StateQueryService.class));
    }

    @Test
    void theUsersKeyParserReplacesOurs() {
        web.withUserConfiguration(UsersParser.class)
                .run(context -> assertThat(context.getBean(StateKeyParser.class)).isSameAs(UsersParser.PARSER));
    }

    @Configuration(proxyBeanMethods = false)
    static class UsersParser {

        static final StateKeyParser PARSER = (text, operator) -> text.toUpperCase();

        @Bean
        StateKeyParser usersKeyParser() {
            return PARSER;
        }
    }
}
