package dev.weir.examples;

import java.util.Map;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Orders (keyed by customer, JSON) → a running total per customer in {@code ValueState}, order
 * counts per product in {@code MapState}, and a processing-time timer that reports a customer
 * once they have been quiet for a while → {@code totals}.
 */
public final class CustomerTotals extends KeyedProcessFunction<String, Order, KeyValue<String, String>> {

    private final long quietMillis;
    private ValueState<Double> total;
    private ValueState<Long> quietTimer;
    private MapState<String, Long> ordersPerProduct;

    /** Reports a customer {@code quietMillis} after their last order. */
    public CustomerTotals(long quietMillis) {
        this.quietMillis = quietMillis;
    }

    /** {@code orders} → totals per customer → {@code totals}. */
    public static Pipeline pipeline(String orders, String totals, long quietMillis) {
        PipelineBuilder builder = new PipelineBuilder();
        builder.source(KafkaSource.values(orders, JsonSerde.of(Order.class).deserializer()))
                .reinterpretAsKeyed(Order::customer, Serdes.String())
                .process(new CustomerTotals(quietMillis)).uid("customer-totals")
                .sinkTo(KafkaSink.keyValues(totals, new StringSerializer(), new StringSerializer()));
        return builder.build();
    }

    @Override
    public void open(RuntimeContext context) {
        total = context.getState(new ValueStateDescriptor<>("total", Serdes.Double()));
        quietTimer = context.getState(new ValueStateDescriptor<>("quiet-timer", Serdes.Long()));
        ordersPerProduct = context.getMapState(new MapStateDescriptor<>("orders-per-product", Serdes.String(), Serdes.Long()));
    }

    @Override
    public void processElement(Order order, Context<String> context, Collector<KeyValue<String, String>> out) {
        if (order.amount() < 0) {
            throw new IllegalArgumentException("order " + order.orderId() + " has a negative amount");
        }
        double sum = (total.value() == null ? 0 : total.value()) + order.amount();
        total.update(sum);
        Long count = ordersPerProduct.get(order.product());
        ordersPerProduct.put(order.product(), count == null ? 1 : count + 1);

        Long previous = quietTimer.value();
        if (previous != null) {
            context.timerService().deleteProcessingTimeTimer(previous);
        }
        long fireAt = context.timerService().currentProcessingTime() + quietMillis;
        context.timerService().registerProcessingTimeTimer(fireAt);
        quietTimer.update(fireAt);
        out.collect(KeyValue.of(context.getCurrentKey(), String.format("total=%.2f after order %s", sum, order.orderId())));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> context, Collector<KeyValue<String, String>> out) {
        StringBuilder products = new StringBuilder();
        for (Map.Entry<String, Long> e : ordersPerProduct.entries()) {
            products.append(products.length() == 0 ? "" : ", ").append(e.getKey()).append('×').append(e.getValue());
        }
        out.collect(KeyValue.of(context.getCurrentKey(),
                String.format("quiet: total=%.2f, products [%s]", total.value(), products)));
        quietTimer.clear();
    }
}
