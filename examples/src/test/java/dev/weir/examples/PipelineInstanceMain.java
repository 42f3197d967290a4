package dev.weir.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.weir.config.WeirConfig;
import dev.weir.pipeline.Pipeline;
import dev.weir.runtime.WeirRuntime;

/**
 * One Weir instance in a child JVM, for tests that kill instances:
 * {@code <pipeline> <bootstrap-servers> <state-dir> <input-topic> <output-topic> [workers]}.
 * It prints {@value #STARTED} once running and stops cleanly on SIGTERM.
 */
public final class PipelineInstanceMain {

    /** The line printed once the runtime has started. */
    public static final String STARTED = "WEIR-INSTANCE-STARTED";

    /** The system property that overrides the workers' 6 s {@code session.timeout.ms}. */
    public static final String SESSION_TIMEOUT_PROPERTY = "weir.test.session-timeout-ms";

    private PipelineInstanceMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        String name = args[0];
        WeirConfig config = WeirConfig.custom()
                .applicationId(name)
                .bootstrapServers(args[1])
                .stateDir(Path.of(args[2]))
                .workers(args.length > 5 ? Integer.parseInt(args[5]) : 1)
                .consumerProperty("session.timeout.ms", Integer.getInteger(SESSION_TIMEOUT_PROPERTY, 6_000))
                .consumerProperty("heartbeat.interval.ms", 1_000)
                .transactionTimeout(Duration.ofSeconds(10))
                .build();
        WeirRuntime runtime = new WeirRuntime(pipeline(name, args[3], args[4]), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }));
        runtime.start();
        System.out.println(STARTED + " instance=" + runtime.instanceId());
        stopped.await();
    }

    private static Pipeline pipeline(String name, String input, String output) {
        switch (name) {
            case "running-count":
                return RunningCount.pipeline(input, output);
            case "two-stage-count":
                return TwoStageCount.pipeline(input, output);
            case "validated-sum":
                return ValidatedSum.pipeline(input, output);
            case "customer-totals":
                return CustomerTotals.pipeline(input, output, 6_000);
            case "windowed-region-count":
                return WindowedRegionCount.pipeline(input, output);
            case "order-payment-match":
                return OrderPaymentMatch.pipeline(input, input + "-payments", output, output + "-events");
            default:
                throw new IllegalArgumentException("unknown pipeline " + name);
        }
    }
}
