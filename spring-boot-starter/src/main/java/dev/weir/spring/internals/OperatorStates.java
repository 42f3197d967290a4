package dev.weir.spring.internals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.weir.functions.RuntimeContext;
import dev.weir.spring.boot.SerdeResolver;
import dev.weir.state.State;

/** The {@code @WeirState} fields of one operator bean, declared in its runtime context and set on the bean. */
final class OperatorStates {

    private final Object fieldOwner;
    private final Map<StateField, Function<RuntimeContext, State>> declarations = new LinkedHashMap<>();

    /** The states of {@code endpoint}'s fields, with serdes from {@code serdes}. */
    OperatorStates(OperatorEndpoint endpoint, SerdeResolver serdes) {
        this.fieldOwner = endpoint.fieldOwner();
        endpoint.stateFields().forEach(field -> declarations.put(field, field.declaration(serdes)));
    }

    /** Declares each state in {@code context} and sets its field; before the bean's own {@code open}. */
    void inject(RuntimeContext context) {
        declarations.forEach((field, declaration) -> field.inject(fieldOwner, declaration.apply(context)));
    }
}
