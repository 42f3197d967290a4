package dev.weir.spring.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;

import dev.weir.config.WeirConfig;
import dev.weir.pipeline.Pipeline;
import dev.weir.runtime.WeirRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Runs the application's Weir pipeline with the application context: starts the runtime once
 * the context is refreshed and the web server listens (so that the instance can advertise the
 * port it answers state queries on), and stops it with a last checkpoint, leaving the group
 * cleanly, when the context closes.
 */
public class WeirRuntimeLifecycle implements SmartLifecycle {

    /** Starts after the web server, whose lifecycle phase is {@code Integer.MAX_VALUE - 1024}, and stops before it. */
    public static final int PHASE = Integer.MAX_VALUE - 512;

    private static final Logger LOG = LoggerFactory.getLogger(WeirRuntimeLifecycle.class);

    private final Supplier<Optional<Pipeline>> pipeline;
    private final WeirConfig config;
    private final WeirProperties properties;
    private final Environment environment;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meterRegistry;
    private volatile WeirRuntime runtime;

    /**
     * @param pipeline the pipeline to run, if the application defines one
     * @param config the configuration; the advertised endpoint is completed at start if unset
     * @param environment where the web server's port is found ({@code local.server.port})
     * @param meterRegistry where the runtime registers its {@code weir.*} meters and its Kafka
     *     clients' meters; {@code null} for none
     */
    public WeirRuntimeLifecycle(Supplier<Optional<Pipeline>> pipeline, WeirConfig config, WeirProperties properties,
                                Environment environment, ApplicationEventPublisher events, MeterRegistry meterRegistry) {
        this.pipeline = pipeline;
        this.config = config;
        this.properties = properties;
        this.environment = environment;
        this.events = events;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public synchronized void start() {
        if (runtime != null && runtime.state() != WeirRuntime.State.STOPPED) {
            return;
        }
        Optional<Pipeline> toRun = pipeline.get();
        if (toRun.isEmpty()) {
            LOG.info("No Weir pipeline: no @WeirOperator bean and no Pipeline bean; the Weir runtime does not start");
            return;
        }
        WeirConfig configured = withAdvertisedEndpoint(config);
        WeirRuntime started = meterRegistry == null ? new WeirRuntime(toRun.get(), configured)
                : new WeirRuntime(toRun.get(), configured, meterRegistry);
        started.start();
        runtime = started;
        events.publishEvent(new WeirRuntimeStartedEvent(started));
    }

    /** The configured endpoint, or this host and the web server's port if state queries are served. */
    private WeirConfig withAdvertisedEndpoint(WeirConfig base) {
        String port = environment.getProperty("local.server.port");
        if (base.advertisedEndpoint().isPresent() || port == null || !properties.getQuery().isEnabled()) {
            return base;
        }
        return WeirConfig.from(base).advertisedEndpoint(advertisedHost() + ":" + port).build();
    }

    private String advertisedHost() {
        String host = properties.getQuery().getAdvertisedHost();
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            LOG.warn("Cannot find this host's address to advertise for state queries ({}); set "
                    + "weir.query.advertised-host", e.getMessage());
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
    }

    @Override
    public synchronized void stop() {
        WeirRuntime running = runtime;
        if (running != null) {
            running.close(properties.getShutdownTimeout());
        }
    }

    @Override
    public boolean isRunning() {
        WeirRuntime running = runtime;
        return running != null && running.state() != WeirRuntime.State.STOPPED;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.isAutoStartup();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The runtime, once started (also after it stopped); empty before, or if there is no pipeline. */
    public Optional<WeirRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }
}
