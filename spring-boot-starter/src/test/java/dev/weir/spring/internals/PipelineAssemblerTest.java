package dev.weir.spring.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.weir.config.WeirConfigException;
import dev.weir.eventtime.WatermarkStrategy;
import dev.weir.functions.Collector;
import dev.weir.internals.graph.SourceTransformation;
import dev.weir.functions.KeySelector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.spring.CountingAggregate;
import dev.weir.spring.boot.WeirProperties;
import dev.weir.windowing.SlidingEventTimeWindows;
import dev.weir.windowing.TimeWindow;
import dev.weir.windowing.TumblingProcessingTimeWindows;
import dev.weir.windowing.WindowAssigner;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.json.JsonMapper;

class PipelineAssemblerTest {

    private final WeirOperatorRegistry registry = new WeirOperatorRegistry();
    private final DefaultSerdeResolver serdes = new DefaultSerdeResolver(JsonMapper.builder().build());

    @Test
    void operatorsOfOneTopicAndTypesShareOneSourceOneDeserializationAndOneKeyedStream() {
        register("small-then-large", new Rule(), "transactions", "alerts", false);
        register("velocity", new Rule(), "transactions", "alerts", false);

        String plan = PipelineAssembler.assemble(registry, serdes, Map.of()).describe();

        assertThat(count(plan, "source[")).isEqualTo(1);
        assertThat(count(plan, "map[transactions-records]")).isEqualTo(1);
        assertThat(plan).contains("keyed-process[small-then-large] <- [key-by[key-by-3]]")
                .contains("keyed-process[velocity] <- [key-by[key-by-3]]");
        assertThat(count(plan, "key-by[")).as(plan).isEqualTo(1);
        assertThat(count(plan, "sink[")).isEqualTo(2);
    }

    @Test
    void anOperatorThatSelectsItsKeyReadsValuesAndMayRepartition() {
        register("per-customer", new ByCustomer(), "orders", "totals", true);
        register("running-count", new Rule(), "orders", "", false);

        Pipeline pipeline = PipelineAssembler.assemble(registry, serdes, Map.of());

        assertThat(pipeline.describe()).contains("map[orders-values]").contains("map[orders-records]")
                .contains("keyed-process[per-customer]").contains("keyed-process[running-count]");
        assertThat(count(pipeline.describe(), "sink[")).as("an operator without output writes nothing").isEqualTo(1);
    }

    @Test
    void aTopicWithAWatermarkIsReadInEventTimeAndOthersAreNot() {
        register("small-then-large", new Rule(), "transactions", "alerts", false);
        register("running-count", new Rule(), "orders", "", false);
        WeirProperties.Source transactions = new WeirProperties.Source();
        transactions.getWatermark().setOutOfOrderness(Duration.ofSeconds(5));
        transactions.getWatermark().setIdleness(Duration.ofMinutes(1));

        Pipeline pipeline = PipelineAssembler.assemble(registry, serdes, Map.of("transactions", transactions));

        Map<String, WatermarkStrategy<?>> strategies = new HashMap<>();
        pipeline.graph().nodes().stream().filter(SourceTransformation.class::isInstance)
                .map(SourceTransformation.class::cast)
                .forEach(s -> strategies.put(s.source().topic(), s.watermarkStrategy()));
        assertThat(strategies.get("transactions").outOfOrderness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(strategies.get("transactions").idleness()).contains(Duration.ofMinutes(1));
        assertThat(strategies.get("orders")).isNull();
    }

    @Test
    void aNegativeOutOfOrdernessFailsNamingTheProperty() {
        register("small-then-large", new Rule(), "transactions", "alerts", false);
        WeirProperties.Source transactions = new WeirProperties.Source();
        transactions.getWatermark().setOutOfOrderness(Duration.ofSeconds(-5));

        assertThatThrownBy(() -> PipelineAssembler.assemble(registry, serdes, Map.of("transactions", transactions)))
                .hasMessageContaining("weir.sources.transactions.watermark");
    }

    @Test
    void aWindowedOperatorEvaluatesItsWindowsOnTheSharedKeyedStream() {
        register("small-then-large", new Rule(), "transactions", "alerts", false);
        registerWindowed("velocity", SlidingEventTimeWindows.of(Duration.ofMinutes(1), Duration.ofSeconds(10)),
                "transactions");
        WeirProperties.Source transactions = new WeirProperties.Source();
        transactions.getWatermark().setOutOfOrderness(Duration.ofSeconds(5));

        String plan = PipelineAssembler.assemble(registry, serdes, Map.of("transactions", transactions)).describe();

        assertThat(plan).contains("keyed-process[small-then-large] <- [key-by[key-by-3]]")
                .contains("window[velocity] <- [key-by[key-by-3]]");
        assertThat(count(plan, "key-by[")).as(plan).isEqualTo(1);
    }

    @Test
    void eventTimeWindowsOverATopicReadWithoutEventTimeFailNamingTheProperty() {
        registerWindowed("velocity", SlidingEventTimeWindows.of(Duration.ofMinutes(1), Duration.ofSeconds(10)),
                "transactions");

        assertThatThrownBy(() -> PipelineAssembler.assemble(registry, serdes, Map.of()))
                .isInstanceOf(WeirConfigException.class)
                .hasMessageContaining("weir.sources.transactions.watermark.out-of-orderness")
                .hasMessageContaining("'velocity'");
    }

    @Test
    void processingTimeWindowsNeedNoEventTime() {
        registerWindowed("per-minute", TumblingProcessingTimeWindows.of(Duration.ofMinutes(1)), "transactions");

        assertThat(PipelineAssembler.assemble(registry, serdes, Map.of()).describe()).contains("window[per-minute]");
    }

    private void register(String uid, KeyedProcessFunction<?, ?, ?> function, String input, String output,
                          boolean repartition) {
        ResolvableType types = ResolvableType.forClass(function.getClass()).as(KeyedProcessFunction.class);
        registry.register(new OperatorEndpoint(uid, function, function, uid, input, output, repartition,
                types.getGeneric(0), types.getGeneric(1), types.getGeneric(2), List.of(), null));
    }

    private void registerWindowed(String uid, WindowAssigner<Object, TimeWindow> assigner, String input) {
        ClickCount function = new ClickCount();
        registry.register(new OperatorEndpoint(uid, function, function, uid, input, "counts", false,
                ResolvableType.forClass(String.class), ResolvableType.forClass(Double.class),
                ResolvableType.forClass(Long.class), List.of(),
                new WindowSpec(assigner, Duration.ZERO, false, ResolvableType.forClass(Long.class))));
    }

    /** How many nodes of the plan's listing start with {@code prefix}. */
    private static long count(String plan, String prefix) {
        return plan.lines().filter(line -> line.startsWith(prefix)).count();
    }

    record Order(String customer, double amount) {
    }

    static class Rule extends KeyedProcessFunction<String, Double, KeyValue<String, String>> {

        @Override
        public void processElement(Double value, Context<String> context, Collector<KeyValue<String, String>> out) {
        }
    }

    static class ClickCount extends ProcessWindowFunction<Long, Long, String, TimeWindow>
            implements CountingAggregate<Double> {

        @Override
        public void process(String key, Context<TimeWindow> context, Iterable<Long> counts, Collector<Long> out) {
        }
    }

    static class ByCustomer extends KeyedProcessFunction<String, Order, Double> implements KeySelector<Order, String> {

        @Override
        public String getKey(Order order) {
            return order.customer();
        }

        @Override
        public void processElement(Order value, Context<String> context, Collector<Double> out) {
        }
    }
}
