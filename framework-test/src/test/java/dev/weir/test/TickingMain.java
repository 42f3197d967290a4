package dev.weir.test;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The program {@link ChildJvmTest} runs in child JVMs. It reports how it was started, then
 * prints {@code tick N} every 20 ms until it is stopped. With the argument {@code exit} it
 * prints {@code line 1} to {@code line 60} instead and exits with code 3.
 */
public final class TickingMain {

    private TickingMain() {
    }

    /**
     * Runs the program.
     *
     * @param args {@code exit} to exit at once; anything else is only echoed
     * @throws InterruptedException never; the main thread waits until the JVM ends
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("started pid=" + ProcessHandle.current().pid()
                + " args=" + Arrays.toString(args)
                + " greeting=" + System.getProperty("weir.test.greeting")
                + " env=" + System.getenv("WEIR_TEST_ENV"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        if (Arrays.asList(args).contains("exit")) {
            for (int i = 1; i <= 60; i++) {
                System.out.println("line " + i);
            }
            System.exit(3);
        }
        AtomicLong ticks = new AtomicLong();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> System.out.println("tick " + ticks.incrementAndGet()),
                0, 20, TimeUnit.MILLISECONDS);
        new CountDownLatch(1).await();
    }
}
