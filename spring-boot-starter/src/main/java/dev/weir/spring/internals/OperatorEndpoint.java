package dev.weir.spring.internals;

import java.util.List;

import dev.weir.functions.KeySelector;
import dev.weir.functions.KeyedProcessFunction;
import org.springframework.core.ResolvableType;

/**
 * A {@link dev.weir.spring.annotation.WeirOperator} bean as the post-processor found it.
 *
 * @param beanName the bean's name
 * @param function the bean
 * @param fieldOwner the object whose {@code @WeirState} fields are set: the bean, or its target if it is a proxy
 * @param uid the operator's uid
 * @param input the topic read
 * @param output the topic written, empty for none
 * @param repartition whether elements are re-keyed through a repartition topic
 * @param keyType {@code K}
 * @param inputType {@code I}
 * @param outputType {@code O}
 * @param stateFields the {@code @WeirState} fields
 */
record OperatorEndpoint(String beanName, KeyedProcessFunction<?, ?, ?> function, Object fieldOwner, String uid,
                        String input, String output, boolean repartition, ResolvableType keyType,
                        ResolvableType inputType, ResolvableType outputType, List<StateField> stateFields) {

    /** Whether the bean selects the key from the value, as a {@link dev.weir.functions.KeySelector}. */
    boolean selectsKey() {
        return function instanceof KeySelector;
    }
}
