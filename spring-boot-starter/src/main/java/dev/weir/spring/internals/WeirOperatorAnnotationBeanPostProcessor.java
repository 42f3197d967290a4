package dev.weir.spring.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.weir.functions.KeyedProcessFunction;
import dev.weir.spring.annotation.WeirOperator;
import dev.weir.spring.annotation.WeirState;
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
 * their topics and state TTLs, checks them and registers them with the {@link WeirOperatorRegistry}. A mistake (a bean that is no keyed process function, type
 * arguments that cannot be resolved, a wrong {@link WeirState} field) fails the bean's creation
 * with a message naming the bean.
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
        if (!(bean instanceof KeyedProcessFunction<?, ?, ?> function)) {
            throw new IllegalStateException(where + " must extend " + KeyedProcessFunction.class.getName());
        }
        String input = placeholders.apply(annotation.input());
        if (input.isBlank()) {
            throw new IllegalStateException(where + " needs an input topic");
        }
        ResolvableType generics = ResolvableType.forClass(type).as(KeyedProcessFunction.class);
        if (generics.hasUnresolvableGenerics()) {
            throw new IllegalStateException(where + " must fix the type arguments <K, I, O> of KeyedProcessFunction, "
                    + "so that its input and output can be deserialized and serialized; it has " + generics);
        }
        List<StateField> fields = new ArrayList<>();
        ReflectionUtils.doWithFields(type, field -> fields.add(StateField.of(field, type, beanName, placeholders)),
                field -> field.isAnnotationPresent(WeirState.class));
        Object target = AopProxyUtils.getSingletonTarget(bean);
        OperatorEndpoint endpoint = new OperatorEndpoint(beanName, function, target != null ? target : bean,
                validUid(annotation.uid(), where), input, placeholders.apply(annotation.output()), annotation.repartition(),
                generics.getGeneric(0), generics.getGeneric(1), generics.getGeneric(2), List.copyOf(fields));
        if (endpoint.repartition() && !endpoint.selectsKey()) {
            throw new IllegalStateException(where + " asks to repartition, which needs a key to repartition by: "
                    + "implement KeySelector<" + endpoint.inputType() + ", " + endpoint.keyType() + ">");
        }
        return endpoint;
    }

    private static String validUid(String uid, String where) {
        if (!uid.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalStateException(where + " has uid '" + uid
                    + "'; a uid uses only letters, digits, '.', '_' and '-'");
        }
        return uid;
    }
}
