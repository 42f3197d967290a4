package dev.weir.spring.internals;

import java.util.List;

import dev.weir.functions.KeySelector;
import org.springframework.core.ResolvableType;

/**
 * A {@link dev.weir.spring.annotation.WeirOperator} bean as the post-processor found it: a keyed
 * process function, or a process window function with its {@link WindowSpec windows}.
 *
 * @param beanName the bean's name
 * @param function the bean: a {@link dev.weir.functions.KeyedProcessFunction}, or a
 *     {@link dev.weir.functions.ProcessWindowFunction} when {@code window} is set
 * @param fieldOwner the object whose {@code @WeirState} fields are set: the bean, or its target if it is a proxy
 * @param uid the operator's uid
 * @param input the topic read
 * @param output the topic written, empty for none
 * @param repartition whether elements are re-keyed through a repartition topic
 * @param keyType {@code K}
 * @param inputType the type of the input topic's values
 * @param outputType {@code O}
 * @param stateFields the {@code @WeirState} fields
 * @param window the windows of a windowed operator; {@code null} for a keyed process function
 */
record OperatorEndpoint(String beanName, Object function, Object fieldOwner, String uid,
                        String input, String output, boolean repartition, ResolvableType keyType,
                        ResolvableType inputType, ResolvableType outputType, List<StateField> stateFields,
                        WindowSpec window) {

    /** Whether the bean selects the key from the value, as a {@link dev.weir.functions.KeySelector}. */
    boolean selectsKey() {
        return function instanceof KeySelector;
    }

    /** Whether the bean evaluates windows. */
    boolean windowed() {
        return window != null;
    }
}
