package dev.weir.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link WeirOperator} bean a windowed stage: the bean extends
 * {@link dev.weir.functions.ProcessWindowFunction ProcessWindowFunction&lt;IN, O, K, TimeWindow&gt;}
 * and evaluates each key's windows of its input topic when they close.
 *
 * <p>Set {@link #size()} for tumbling windows, {@link #size()} and {@link #slide()} for sliding
 * ones, {@link #sessionGap()} for session windows. In {@link Time#EVENT event time}, the default,
 * windows close as the watermark of the input topic passes their end, so the topic must be read
 * in event time ({@code weir.sources.<topic>.watermark.out-of-orderness}); elements too late for
 * every window go to the application's late-data topic {@code <application-id>-late} unless
 * {@link #dropLateData()} says otherwise.
 *
 * <p>A window keeps every element until it closes, and the function receives them all. A bean
 * that also implements {@link dev.weir.functions.AggregateFunction AggregateFunction&lt;I, A, IN&gt;}
 * aggregates each window's elements as they arrive instead, keeping only the accumulator {@code A},
 * and receives the one aggregated value; the topic's values are then of type {@code I}.
 *
 * <p>{@link WeirState} fields hold the key's state across all its windows, as in {@code open}.
 *
 * <pre>{@code
 * @WeirOperator(uid = "velocity", input = "transactions", output = "alerts")
 * @WeirWindow(size = "1m", slide = "10s")
 * class Velocity extends ProcessWindowFunction<Long, KeyValue<String, Alert>, String, TimeWindow>
 *         implements AggregateFunction<Transaction, Long, Long> {
 *     @WeirState("alerted-until") ValueState<Long> alertedUntil;
 *     ...
 * }
 * }</pre>
 *
 * <p>Durations are written as {@code 10s}, {@code 1m} or {@code PT1H}; {@code ${...}} placeholders
 * are resolved.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WeirWindow {

    /** The length of tumbling and sliding windows; empty for session windows. */
    String size() default "";

    /** How far apart sliding windows start; empty for tumbling windows. */
    String slide() default "";

    /** The silence after which a key's session closes; set instead of {@link #size()} for session windows. */
    String sessionGap() default "";

    /** The clock windows follow. */
    Time time() default Time.EVENT;

    /**
     * How long after its end an event-time window still accepts late elements, each of which
     * makes it fire again; empty for none.
     */
    String allowedLateness() default "";

    /** Whether elements too late for every window are dropped instead of written to the late-data topic. */
    boolean dropLateData() default false;

    /** The clock that cuts a stream into windows. */
    enum Time {
        /** The elements' timestamps and the input topic's watermark. */
        EVENT,
        /** The wall clock of the instance that processes the key. */
        PROCESSING
    }
}
