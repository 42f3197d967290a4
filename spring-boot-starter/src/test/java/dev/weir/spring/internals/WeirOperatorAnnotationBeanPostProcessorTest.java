package dev.weir.spring.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.spring.CountingAggregate;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.spring.annotation.WeirWindow;
import dev.weir.state.ListState;
import dev.weir.state.ValueState;
import dev.weir.windowing.ProcessingTimeSessionWindows;
import dev.weir.windowing.SlidingEventTimeWindows;
import dev.weir.windowing.TimeWindow;
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

    @Test
    void aWindowedBeanThatAggregatesReadsTheAggregatesInputAndKeepsItsAccumulator() {
        runner.withPropertyValues("velocity.window=1m").withBean("velocity", Velocity.class).run(context -> {
            OperatorEndpoint velocity = context.getBean(WeirOperatorRegistry.class).endpoints().get(0);
            assertThat(velocity.windowed()).isTrue();
            assertThat(velocity.keyType().resolve()).isEqualTo(String.class);
            assertThat(velocity.inputType().resolve()).isEqualTo(Double.class);
            assertThat(velocity.outputType().resolve()).isEqualTo(KeyValue.class);
            assertThat(velocity.window().accumulatorType().resolve()).isEqualTo(Long.class);
            assertThat(velocity.window().assigner()).isInstanceOf(SlidingEventTimeWindows.class)
                    .hasToString("SlidingEventTimeWindows(60000 ms, every 10000 ms)");
            assertThat(velocity.stateFields()).extracting(StateField::name).containsExactly("alerted-until");
        });
    }

    @Test
    void aWindowedBeanWithoutAggregateKeepsTheElementsOfItsWindows() {
        runner.withBean("sessions", Sessions.class).run(context -> {
            OperatorEndpoint sessions = context.getBean(WeirOperatorRegistry.class).endpoints().get(0);
            assertThat(sessions.inputType().resolve()).isEqualTo(String.class);
            assertThat(sessions.window().aggregates()).isFalse();
            assertThat(sessions.window().eventTime()).isFalse();
            assertThat(sessions.window().assigner()).isInstanceOf(ProcessingTimeSessionWindows.class);
        });
    }

    @Test
    void aProcessWindowFunctionWithoutWeirWindowFailsSayingSo() {
        runner.withBean("noWindow", NoWindow.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("'noWindow'").hasMessageContaining("annotate it with @WeirWindow"));
    }

    @Test
    void weirWindowOnAKeyedProcessFunctionFails() {
        runner.withBean("windowedProcess", WindowedProcess.class).run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("'windowedProcess'").hasMessageContaining("must extend")
                .hasMessageContaining("ProcessWindowFunction"));
    }

    @Test
    void aWindowWithBothSizeAndSessionGapFails() {
        runner.withBean("both", SizeAndGap.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("'both'").hasMessageContaining("it sets both"));
    }

    @Test
    void aWindowSizeThatIsNoDurationFailsNamingTheAttribute() {
        runner.withPropertyValues("velocity.window=a minute").withBean("velocity", Velocity.class).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("'velocity'")
                        .hasStackTraceContaining("size = \"a minute\"), which is not a duration"));
    }

    @Test
    void anAggregateWhoseResultTheWindowFunctionCannotTakeFails() {
        runner.withBean("mismatch", Mismatch.class).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("'mismatch'").hasMessageContaining("aggregates into"));
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

    @WeirOperator(uid = "velocity", input = "payments", output = "alerts")
    @WeirWindow(size = "${velocity.window}", slide = "10s")
    static class Velocity extends ProcessWindowFunction<Long, KeyValue<String, String>, String, TimeWindow>
            implements CountingAggregate<Double> {

        @WeirState("alerted-until")
        ValueState<Long> alertedUntil;

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<Long> counts,
                            Collector<KeyValue<String, String>> out) {
        }
    }

    @WeirOperator(uid = "sessions", input = "clicks")
    @WeirWindow(sessionGap = "30m", time = WeirWindow.Time.PROCESSING)
    static class Sessions extends ProcessWindowFunction<String, String, String, TimeWindow> {

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<String> clicks, Collector<String> out) {
        }
    }

    @WeirOperator(uid = "no-window", input = "clicks")
    static class NoWindow extends ProcessWindowFunction<String, String, String, TimeWindow> {

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<String> clicks, Collector<String> out) {
        }
    }

    @WeirOperator(uid = "windowed-process", input = "in")
    @WeirWindow(size = "1m")
    static class WindowedProcess extends KeyedProcessFunction<String, String, String> {

        @Override
        public void processElement(String value, Context<String> context, Collector<String> out) {
        }
    }

    @WeirOperator(uid = "both", input = "clicks")
    @WeirWindow(size = "1m", sessionGap = "30m")
    static class SizeAndGap extends Sessions {
    }

    @WeirOperator(uid = "mismatch", input = "clicks")
    @WeirWindow(size = "1m")
    static class Mismatch extends ProcessWindowFunction<String, String, String, TimeWindow>
            implements CountingAggregate<String> {

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<String> counts, Collector<String> out) {
        }
    }
}
