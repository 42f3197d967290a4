package dev.weir.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.weir.config.WeirConfig;
import dev.weir.runtime.WeirRuntime;

/**
 * One Weir instance of the chaos pipeline, in a child JVM:
 * {@code <instance-id> <bootstrap-servers> <state-dir> <input-topic> <output-topic>}. It prints
 * {@value #STARTED} once running and stops cleanly on SIGTERM.
 */
public final class ChaosInstanceMain {

    /** The application id: consumer group, prefix of internal topics and of the dead-letter topic. */
    public static final String APPLICATION_ID = "chaos";
    /** The line printed once the runtime has started. */
    public static final String STARTED = "WEIR-CHAOS-INSTANCE-STARTED";
    /** A member silent this long leaves the group; a frozen instance must stay frozen longer. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    /** An open transaction older than this is aborted by the broker, which fences its producer. */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    private ChaosInstanceMain() {
    }

    /**
     * Runs the instance until the JVM is stopped.
     *
     * @param args instance id, bootstrap servers, state directory, input topic, output topic
     * @throws InterruptedException never in practice; the main thread waits for the shutdown
     */
    public static void main(String[] args) throws InterruptedException {
        WeirConfig config = WeirConfig.custom()
                .applicationId(APPLICATION_ID)
                .instanceId(args[0])
                .bootstrapServers(args[1])
                .stateDir(Path.of(args[2]))
                .workers(1)
                .consumerProperty("session.timeout.ms", (int) SESSION_TIMEOUT.toMillis())
                .consumerProperty("heartbeat.interval.ms", 1_000)
                .transactionTimeout(TRANSACTION_TIMEOUT)
                .build();
        WeirRuntime runtime = new WeirRuntime(ChaosPipeline.pipeline(args[3], args[4],
                args[0] + "/pid-" + ProcessHandle.current().pid()), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }));
        runtime.start();
        System.out.println(STARTED + " instance=" + runtime.instanceId());
        System.out.flush();
        stopped.await();
    }
}
