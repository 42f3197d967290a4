package dev.weir.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.weir.benchmarks.workloads.RunnerArguments;

/**
 * The bare transactional loop ({@link BareLoop}) as a runner in a child JVM, with the contract of
 * {@link RunnerArguments}: the physical limit the comparison measures every system against. It
 * copies the input whatever the workload, so it is measured on each input of the comparison.
 */
public final class BareRunner {

    private BareRunner() {
    }

    /**
     * Runs the loop until {@code SIGTERM}.
     *
     * @param args the runner contract's arguments
     */
    public static void main(String[] args) throws InterruptedException {
        RunnerArguments arguments = RunnerArguments.parse(args);
        BareLoop loop = new BareLoop(arguments.bootstrapServers(), arguments.input(), arguments.output(),
                arguments.applicationId(), true, Duration.ofMillis(arguments.commitIntervalMs()));
        Thread thread = new Thread(loop, "bare-loop");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            loop.requestStop();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bare-loop-stop"));
        thread.start();
        System.out.println(RunnerArguments.RUNNING_LINE);
        System.out.flush();
        thread.join();
        stopped.countDown();
        if (loop.failure() != null) {
            loop.failure().printStackTrace();
            System.exit(1);
        }
    }
}
