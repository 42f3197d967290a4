package dev.weir.spring.internals;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.weir.functions.RuntimeContext;
import dev.weir.spring.annotation.WeirState;
import dev.weir.spring.boot.SerdeResolver;
import dev.weir.state.ListState;
import dev.weir.state.ListStateDescriptor;
import dev.weir.state.MapState;
import dev.weir.state.MapStateDescriptor;
import dev.weir.state.State;
import dev.weir.state.StateDescriptor;
import dev.weir.state.StateTtlConfig;
import dev.weir.state.ValueState;
import dev.weir.state.ValueStateDescriptor;
import org.apache.kafka.common.serialization.Serde;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/** A {@link WeirState} field of an operator bean: which state it declares, and how to set it. */
final class StateField {

    private final Field field;
    private final String name;
    private final ResolvableType type;
    private final Duration ttl;

    private StateField(Field field, String name, ResolvableType type, Duration ttl) {
        this.field = field;
        this.name = name;
        this.type = type;
        this.ttl = ttl;
    }

    /**
     * Reads the annotation on {@code field} of {@code beanClass}, resolving placeholders in its TTL.
     *
     * @throws IllegalStateException if the field is not a value, list or map state with
     *         resolvable type arguments, or its TTL is not a duration
     */
    static StateField of(Field field, Class<?> beanClass, String beanName, UnaryOperator<String> placeholders) {
        WeirState annotation = field.getAnnotation(WeirState.class);
        ResolvableType type = ResolvableType.forField(field, beanClass);
        Class<?> kind = type.resolve();
        String where = "@WeirState field '" + field.getName() + "' of bean '" + beanName + "'";
        if (kind != ValueState.class && kind != ListState.class && kind != MapState.class) {
            throw new IllegalStateException(where + " must be a ValueState, ListState or MapState, not " + type
                    + "; declare reducing and aggregating state in open(RuntimeContext)");
        }
        if (type.hasUnresolvableGenerics()) {
            throw new IllegalStateException(where + " needs concrete type arguments, not " + type);
        }
        Duration ttl = null;
        String ttlText = placeholders.apply(annotation.ttl());
        if (!ttlText.isBlank()) {
            try {
                ttl = DurationStyle.detectAndParse(ttlText);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + " has ttl '" + ttlText
                        + "', which is not a duration such as 10m or PT1H", e);
            }
        }
        return new StateField(field, annotation.value().isBlank() ? field.getName() : annotation.value(), type, ttl);
    }

    /** The state's name. */
    String name() {
        return name;
    }

    /** A function that declares the state in an operator's runtime context, with serdes from {@code serdes}. */
    Function<RuntimeContext, State> declaration(SerdeResolver serdes) {
        Class<?> kind = type.resolve();
        if (kind == ValueState.class) {
            ValueStateDescriptor<?> descriptor = withTtl(new ValueStateDescriptor<>(name, serde(serdes, 0)));
            return context -> context.getState(descriptor);
        }
        if (kind == ListState.class) {
            ListStateDescriptor<?> descriptor = withTtl(new ListStateDescriptor<>(name, serde(serdes, 0)));
            return context -> context.getListState(descriptor);
        }
        MapStateDescriptor<?, ?> descriptor = withTtl(new MapStateDescriptor<>(name, serde(serdes, 0), serde(serdes, 1)));
        return context -> context.getMapState(descriptor);
    }

    /** Sets the field of {@code target} to {@code state}. */
    void inject(Object target, State state) {
        ReflectionUtils.makeAccessible(field);
        ReflectionUtils.setField(field, target, state);
    }

    private Serde<Object> serde(SerdeResolver serdes, int generic) {
        @SuppressWarnings("unchecked")
        Serde<Object> serde = (Serde<Object>) serdes.serdeFor(type.getGeneric(generic));
        return serde;
    }

    private <D extends StateDescriptor<?, ?>> D withTtl(D descriptor) {
        if (ttl != null) {
            descriptor.enableTimeToLive(StateTtlConfig.custom(ttl).build());
        }
        return descriptor;
    }
}
