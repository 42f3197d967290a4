package dev.weir.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares keyed state on a field of a {@link WeirOperator} bean: a {@link dev.weir.state.ValueState},
 * {@link dev.weir.state.ListState} or {@link dev.weir.state.MapState} whose serdes follow from the
 * field's type arguments. The field is set before the function's {@code open} runs.
 *
 * <pre>{@code
 * @WeirState(value = "recent", ttl = "2m")
 * ListState<Long> recentTimestamps;
 * }</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WeirState {

    /** The state's name, unique within the operator; the field's name if empty. */
    String value() default "";

    /**
     * Time to live of each key's entry after its last write, such as {@code 10m} or
     * {@code PT1H}, {@code ${...}} placeholders resolved; empty for none.
     */
    String ttl() default "";
}
