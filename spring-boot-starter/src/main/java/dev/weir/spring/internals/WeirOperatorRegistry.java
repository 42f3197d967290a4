package dev.weir.spring.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link dev.weir.spring.annotation.WeirOperator} beans of the application context, which
 * the post-processor registers as it meets them and the runtime assembles into one pipeline.
 */
public final class WeirOperatorRegistry {

    private final Map<String, OperatorEndpoint> byUid = new TreeMap<>();

    synchronized void register(OperatorEndpoint endpoint) {
        OperatorEndpoint earlier = byUid.putIfAbsent(endpoint.uid(), endpoint);
        if (earlier != null) {
            throw new IllegalStateException("beans '" + earlier.beanName() + "' and '" + endpoint.beanName()
                    + "' are both @WeirOperator(uid = \"" + endpoint.uid() + "\"); uids must be unique");
        }
    }

    /** The registered operators, by uid. */
    synchronized List<OperatorEndpoint> endpoints() {
        return new ArrayList<>(byUid.values());
    }

    /** The names of the registered beans. */
    public synchronized List<String> beanNames() {
        return byUid.values().stream().map(OperatorEndpoint::beanName).toList();
    }

    /** The key type of the operator with {@code uid}, if a registered bean has that uid. */
    public synchronized Optional<Class<?>> keyType(String uid) {
        return Optional.ofNullable(byUid.get(uid)).map(e -> e.keyType().resolve());
    }
}
