package dev.weir.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Makes a Spring bean that extends {@link dev.weir.functions.KeyedProcessFunction} a stage of the
 * application's pipeline: it reads {@link #input()}, keyed, and writes what it collects to
 * {@link #output()}.
 *
 * <p>The function's type arguments {@code <K, I, O>} say how records are read and written: the
 * record key is deserialized as {@code K} and the value as {@code I}; an output element that is a
 * {@link dev.weir.kafka.KeyValue} becomes a record's key and value, any other element a record's
 * value. Kafka's own serdes serve strings, numbers, {@code byte[]} and UUIDs, JSON every other
 * type (see {@link dev.weir.spring.boot.SerdeResolver}).
 *
 * <p>With {@link WeirWindow} beside it, the bean extends
 * {@link dev.weir.functions.ProcessWindowFunction} instead and evaluates windows of its input.
 *
 * <p>The key is the record key, which the input topic's producer partitioned by: no
 * repartitioning. A function that also implements {@link dev.weir.functions.KeySelector
 * KeySelector&lt;I, K&gt;} keys each element by what it selects instead; with
 * {@link #repartition()} the elements are shuffled through an internal topic so that each key
 * reaches its task, without it they must already sit in their key's partition.
 *
 * <pre>{@code
 * @WeirOperator(uid = "small-then-large", input = "transactions", output = "fraud-alerts")
 * class SmallThenLarge extends KeyedProcessFunction<String, Transaction, KeyValue<String, Alert>> {
 *     @WeirState("flag") ValueState<Boolean> flag;
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface WeirOperator {

    /** The operator's uid: it names its state, so it must stay the same across versions of the application. */
    String uid();

    /** The topic read; {@code ${...}} placeholders are resolved. */
    String input();

    /**
     * The topic written, {@code ${...}} placeholders resolved; empty for an operator that only
     * keeps state (for queries, say).
     */
    String output() default "";

    /**
     * Whether the elements are re-keyed through an internal repartition topic, by the key the
     * function selects as a {@link dev.weir.functions.KeySelector}.
     */
    boolean repartition() default false;
}
