package dev.weir.spring.boot;

import dev.weir.functions.Collector;
import dev.weir.functions.KeySelector;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.kafka.KeyValue;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.state.MapState;
import dev.weir.state.ValueState;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A Boot application with two annotated operators, for tests on the real broker. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WordCountApplication.WordCount.class, WordCountApplication.CustomerTotal.class})
class WordCountApplication {

    /** An order, read as JSON. */
    record Order(String customer, String product, double amount) {
    }

    /** Counts each word (the record key) and emits the count after each. */
    @WeirOperator(uid = "word-count", input = "words", output = "word-counts")
    static class WordCount extends KeyedProcessFunction<String, String, KeyValue<String, Long>> {

        @WeirState("count")
        ValueState<Long> count;

        @Override
        public void processElement(String value, Context<String> context, Collector<KeyValue<String, Long>> out) {
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(KeyValue.of(context.getCurrentKey(), next));
        }
    }

    /** Sums order amounts per customer, keyed by the customer in the value (repartitioned), and counts products. */
    @WeirOperator(uid = "customer-total", input = "orders", output = "customer-totals", repartition = true)
    static class CustomerTotal extends KeyedProcessFunction<String, Order, KeyValue<String, Double>>
            implements KeySelector<Order, String> {

        @WeirState(value = "total", ttl = "1h")
        ValueState<Double> total;

        @WeirState
        MapState<String, Integer> products;

        @Override
        public String getKey(Order order) {
            return order.customer();
        }

        @Override
        public void processElement(Order order, Context<String> context, Collector<KeyValue<String, Double>> out) {
            double sum = (total.value() == null ? 0 : total.value()) + order.amount();
            total.update(sum);
            Integer seen = products.get(order.product());
            products.put(order.product(), seen == null ? 1 : seen + 1);
            out.collect(KeyValue.of(order.customer(), sum));
        }
    }
}
