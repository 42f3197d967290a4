package dev.weir.examples;

import dev.weir.functions.Collector;
import dev.weir.functions.KeyedCoProcessFunction;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.RuntimeContext;
import dev.weir.kafka.KafkaSink;
import dev.weir.kafka.KafkaSource;
import dev.weir.kafka.KeyValue;
import dev.weir.pipeline.DataStream;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineBuilder;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Two co-partitioned topics keyed by order id — orders and payments — read by one stage:
 * a two-input keyed operator matches each order with its payment (whichever comes first waits
 * in state), and a union of both streams counts the events per order id.
 */
public final class OrderPaymentMatch {

    private OrderPaymentMatch() {
    }

    /** {@code orders} + {@code payments} → {@code matches} (order id → "order/payment") and {@code events} (order id → count). */
    public static Pipeline pipeline(String orders, String payments, String matches, String events) {
        PipelineBuilder builder = new PipelineBuilder();
        DataStream<KeyValue<String, String>> orderStream =
                builder.source(KafkaSource.keyValues(orders, new StringDeserializer(), new StringDeserializer()));
        DataStream<KeyValue<String, String>> paymentStream =
                builder.source(KafkaSource.keyValues(payments, new StringDeserializer(), new StringDeserializer()));

        orderStream.reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .connect(paymentStream.reinterpretAsKeyed(KeyValue::key, Serdes.String()))
                .process(new Match()).uid("match")
                .sinkTo(KafkaSink.keyValues(matches, new StringSerializer(), new StringSerializer()));

        orderStream.union(paymentStream)
                .reinterpretAsKeyed(KeyValue::key, Serdes.String())
                .process(new RunningCount.CountPerKey()).uid("event-count")
                .sinkTo(KafkaSink.keyValues(events, new StringSerializer(), new LongSerializer()));
        return builder.build();
    }

    /** Emits "order/payment" once both sides of an order id have arrived. */
    public static final class Match
            extends KeyedCoProcessFunction<String, KeyValue<String, String>, KeyValue<String, String>, KeyValue<String, String>> {

        private ValueState<String> order;
        private ValueState<String> payment;

        @Override
        public void open(RuntimeContext context) {
            order = context.getState(new ValueStateDescriptor<>("order", Serdes.String()));
            payment = context.getState(new ValueStateDescriptor<>("payment", Serdes.String()));
        }

        @Override
        public void processElement1(KeyValue<String, String> value, KeyedProcessFunction.Context<String> context,
                                    Collector<KeyValue<String, String>> out) {
            String paid = payment.value();
            if (paid == null) {
                order.update(value.value());
            } else {
                payment.clear();
                out.collect(KeyValue.of(context.getCurrentKey(), value.value() + "/" + paid));
            }
        }

        @Override
        public void processElement2(KeyValue<String, String> value, KeyedProcessFunction.Context<String> context,
                                    Collector<KeyValue<String, String>> out) {
            String ordered = order.value();
            if (ordered == null) {
                payment.update(value.value());
            } else {
                order.clear();
                out.collect(KeyValue.of(context.getCurrentKey(), ordered + "/" + value.value()));
            }
        }
    }
}
