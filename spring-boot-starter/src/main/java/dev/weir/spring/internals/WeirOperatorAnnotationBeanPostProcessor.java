package dev.weir.spring.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.weir.functions.AggregateFunction;
import dev.weir.functions.KeyedProcessFunction;
import dev.weir.functions.ProcessWindowFunction;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
import dev.weir.spring.annotation.WeirWindow;
import dev.weir.windowing.TimeWindow;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the beans annotated with {@link WeirOperator}, resolves {@code ${...}} placeholders in
 * their topics, windows and state TTLs, checks them and registers them with the
 * {@link WeirOperatorRegistry}. A mistake (a bean that is no keyed process function nor a process
 * window function with {@link WeirWindow}, type arguments that cannot be resolved, a duration
 * that does not parse, a wrong {@link WeirState} field) fails the bean's creation with a message
 * naming the bean.
 */
public final class WeirOperatorAnnotationBeanPostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beanFactory;
    private UnaryOperator<String> placeholders = UnaryOperator.identity();

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
        if (beanFactory instanceof ConfigurableBeanFactory configurable) {
            placeholders = configurable::resolveEmbeddedValue;
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> type = AopUtils.getTargetClass(bean);
        WeirOperator annotation = AnnotatedElementUtils.findMergedAnnotation(type, WeirOperator.class);
        if (annotation != null) {
            try {
                beanFactory.getBean(WeirOperatorRegistry.class).register(endpoint(bean, beanName, type, annotation));
            } catch (IllegalStateException e) {
                throw new BeanInitializationException(e.getMessage(), e);
            }
        }
        return bean;
    }

    private OperatorEndpoint endpoint(Object bean, String beanName, Class<?> type, WeirOperator annotation) {
        String where = "@WeirOperator bean '" + beanName + "' (" + type.getName() + ")";
        WeirWindow window = AnnotatedElementUtils.findMergedAnnotation(type, WeirWindow.class);
        Signature signature = window == null ? processSignature(bean, type, where) : windowSignature(bean, type, where);
        String input = placeholders.apply(annotation.input());
        if (input.isBlank()) {
            throw new IllegalStateException(where + " needs an input topic");
        }
        List<StateField> fields = new ArrayList<>();
        ReflectionUtils.doWithFields(type, field -> fields.add(StateField.of(field, type, beanName, placeholders)),
                field -> field.isAnnotationPresent(WeirState.class));
        Object target = AopProxyUtils.getSingletonTarget(bean);
        OperatorEndpoint endpoint = new OperatorEndpoint(beanName, bean, target != null ? target : bean,
                validUid(annotation.uid(), where), input, placeholders.apply(annotation.output()), annotation.repartition(),
                signature.key(), signature.input(), signature.output(), List.copyOf(fields),
                window == null ? null : WindowSpec.of(window, signature.accumulator(), placeholders, where));
        if (endpoint.repartition() && !endpoint.selectsKey()) {
            throw new IllegalStateException(where + " asks to repartition, which needs a key to repartition by: "
                    + "implement KeySelector<" + endpoint.inputType() + ", " + endpoint.keyType() + ">");
        }
        return endpoint;
    }

    private static Signature processSignature(Object bean, Class<?> type, String where) {
        if (bean instanceof ProcessWindowFunction) {
            throw new IllegalStateException(where + " is a ProcessWindowFunction: annotate it with @WeirWindow to say "
                    + "which windows it evaluates");
        }
        if (!(bean instanceof KeyedProcessFunction)) {
            throw new IllegalStateException(where + " must extend " + KeyedProcessFunction.class.getName()
                    + ", or " + ProcessWindowFunction.class.getName() + " with @WeirWindow");
        }
        ResolvableType generics = ResolvableType.forClass(type).as(KeyedProcessFunction.class);
        if (generics.hasUnresolvableGenerics()) {
            throw new IllegalStateException(where + " must fix the type arguments <K, I, O> of KeyedProcessFunction, "
                    + "so that its input and output can be deserialized and serialized; it has " + generics);
        }
        return new Signature(generics.getGeneric(0), generics.getGeneric(1), generics.getGeneric(2), null);
    }

    private static Signature windowSignature(Object bean, Class<?> type, String where) {
        if (!(bean instanceof ProcessWindowFunction)) {
            throw new IllegalStateException(where + " has @WeirWindow, so it must extend "
                    + ProcessWindowFunction.class.getName());
        }
        ResolvableType generics = ResolvableType.forClass(type).as(ProcessWindowFunction.class);
        if (generics.hasUnresolvableGenerics()) {
            throw new IllegalStateException(where + " must fix the type arguments <IN, O, K, W> of ProcessWindowFunction, "
                    + "so that its input and output can be deserialized and serialized; it has " + generics);
        }
        if (!generics.getGeneric(3).isAssignableFrom(TimeWindow.class)) {
            throw new IllegalStateException(where + " evaluates windows of type " + generics.getGeneric(3)
                    + ", but @WeirWindow windows are " + TimeWindow.class.getName());
        }
        ResolvableType contents = generics.getGeneric(0);
        if (!(bean instanceof AggregateFunction)) {
            return new Signature(generics.getGeneric(2), contents, generics.getGeneric(1), null);
        }
        ResolvableType aggregate = ResolvableType.forClass(type).as(AggregateFunction.class);
        if (aggregate.hasUnresolvableGenerics()) {
            throw new IllegalStateException(where + " must fix the type arguments <I, A, R> of AggregateFunction, "
                    + "so that its input and accumulator can be deserialized and serialized; it has " + aggregate);
        }
        if (!contents.isAssignableFrom(aggregate.getGeneric(2))) {
            throw new IllegalStateException(where + " aggregates into " + aggregate.getGeneric(2)
                    + ", which its ProcessWindowFunction<" + contents + ", ...> cannot take");
        }
        return new Signature(generics.getGeneric(2), aggregate.getGeneric(0), generics.getGeneric(1),
                aggregate.getGeneric(1));
    }

    private static String validUid(String uid, String where) {
        if (!uid.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalStateException(where + " has uid '" + uid
                    + "'; a uid uses only letters, digits, '.', '_' and '-'");
        }
        return uid;
    }

    /**
     * The types an operator bean reads, keys by, writes and accumulates.
     *
     * @param accumulator the accumulator of a windowed bean's aggregate function; {@code null} if none
     */
    private record Signature(ResolvableType key, ResolvableType input, ResolvableType output,
                             ResolvableType accumulator) {
    }
}
