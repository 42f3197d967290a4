package dev.weir.spring.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.state.ListState;
import dev.weir.state.ValueState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WeirOperatorAnnotationBeanPostProcessorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(WeirOperatorRegistry.class)
            .withBean(WeirOperatorAnnotationBeanPostProcessor.class);

    @Test
    void anAnnotatedKeyedFunctionIsRegisteredWithItsTypesAndStateFields() {
        runner.withBean("counter", Counter.class).run(context -> {
            List<OperatorEndpoint> endpoints = context.getBean(WeirOperatorRegistry.class).endpoints();
            assertThat(endpoints).hasSize(1);
            OperatorEndpoint counter = endpoints.get(0);
            assertThat(counter.uid()).isEqualTo("counter");
            assertThat(counter.input()).isEqualTo("in");
            assertThat(counter.output()).isEqualTo("out");
            assertThat(counter.keyType().resolve()).isEqualTo(String.class);
            assertThat(counter.inputType().resolve()).isEqualTo(Integer.class);
            assertThat(counter.outputType().resolve()).isEqualTo(KeyValue.class);
            assertThat(counter.stateFields()).extracting(StateField::name).containsExactlyInAnyOrder("count", "recent");
            assertThat(context.getBean(WeirOperatorRegistry.class).keyType("counter")).contains(String.class);
        });
    }

    @Test
    void placeholdersInTopicsAndTtlsAreResolved() {
        runner.withPropertyValues("topics.in=payments", "topics.out=alerts", "ttls.last=90s")
                .withBean("configurable", Configurable.class).run(context -> {
                    OperatorEndpoint endpoint = context.getBean(WeirOperatorRegistry.class).endpoints().get(0);
                    assertThat(endpoint.input()).isEqualTo("payments");
                    assertThat(endpoint.output()).isEqualTo("alerts");
                    assertThat(endpoint.stateFields()).hasSize(1);
                });
    }

    @Test
    void aBeanThatIsNoKeyedFunctionFailsNamingTheBean() {
        runner.withBean("notAFunction", NotAFunction.class).run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("'notAFunction'").hasMessageContaining("KeyedProcessFunction"));
    }

    @Test
    void openTypeArgumentsFail() {
        runner.withBean("generic", AnnotatedGeneric.class).run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("'generic'").hasMessageContaining("type arguments <K, I, O>"));
    }

    @Test
    void aStateFieldOfAnotherTypeFails() {
        runner.withBean("wrongState", WrongState.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("'cache'").hasMessageContaining("ValueState, ListState or MapState"));
    }

    @Test
    void aTtlThatIsNoDurationFails() {
        runner.withBean("badTtl", BadTtl.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("'soon'"));
    }

    @Test
    void twoOperatorsWithOneUidFail() {
        runner.withBean("counter", Counter.class).withBean("sameUid", SameUid.class).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("uids must be unique"));
    }

    @Test
    void repartitioningWithoutAKeySelectorFails() {
        runner.withBean("noSelector", RepartitionWithoutSelector.class).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("implement KeySelector"));
    }

    @WeirOperator(uid = "counter", input = "in", output = "out")
    static class Counter extends KeyedProcessFunction<String, Integer, KeyValue<String, Long>> {

        @WeirState
        ValueState<Long> count;

        @WeirState(value = "recent", ttl = "5m")
        ListState<Integer> recentValues;

        @Override
        public void processElement(Integer value, Context<String> context, Collector<KeyValue<String, Long>> out) {
        }
    }

    @WeirOperator(uid = "configurable", input = "${topics.in}", output = "${topics.out}")
    static class Configurable extends KeyedProcessFunction<String, String, String> {

        @WeirState(ttl = "${ttls.last}")
        ValueState<String> last;

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
        }
    }

    @WeirOperator(uid = "counter", input = "other")
    static class SameUid extends KeyedProcessFunction<String, String, String> {

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
        }
    }

    @WeirOperator(uid = "not-a-function", input = "in")
    static class NotAFunction {
    }

    static class Generic<T> extends KeyedProcessFunction<String, T, T> {

        @Override
        public void processElement(T value, Context<String> context, Collector<T> out) {
        }
    }

    @WeirOperator(uid = "generic", input = "in")
    static class AnnotatedGeneric<T> extends Generic<T> {
    }

    @WeirOperator(uid = "wrong-state", input = "in")
    static class WrongState extends KeyedProcessFunction<String, String, String> {

        @WeirState
        Map<String, String> cache;

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
        }
    }

    @WeirOperator(uid = "bad-ttl", input = "in")
    static class BadTtl extends KeyedProcessFunction<String, String, String> {

        @WeirState(ttl = "soon")
        ValueState<String> last;

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
        }
    }

    @WeirOperator(uid = "no-selector", input = "in", repartition = true)
    static class RepartitionWithoutSelector extends KeyedProcessFunction<String, String, String> {

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
        }
    }
}
