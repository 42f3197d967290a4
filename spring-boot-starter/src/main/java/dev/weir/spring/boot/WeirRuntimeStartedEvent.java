package dev.weir.spring.boot;

import dev.weir.runtime.WeirRuntime;
import org.springframework.context.ApplicationEvent;

/** Published once the Weir runtime of the application context has started. */
public class WeirRuntimeStartedEvent extends ApplicationEvent {

    /** The runtime {@code runtime} started. */
    public WeirRuntimeStartedEvent(WeirRuntime runtime) {
        super(runtime);
    }

    /** The runtime that started. */
    public WeirRuntime getRuntime() {
        return (WeirRuntime) getSource();
    }
}
