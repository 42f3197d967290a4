package dev.weir.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.weir.test.ChildJvm;
import org.awaitility.Awaitility;

/**
 * Does the chaos: kills instances, restarts the broker, freezes a zombie, and counts what it did.
 * Every random choice comes from the run's seeded random.
 */
final class ChaosMonkey {

    /** What a thawed zombie logs once it finds out that its work was taken from it. */
    static final Pattern ZOMBIE_NOTICED = Pattern.compile("was fenced|lost \\[|abandoned a checkpoint");

    private static final Duration GROUP_CHANGE = Duration.ofMinutes(3);
    /** Longer than the instances' transaction timeout, so that some seeds outlast it. */
    private static final Duration ZOMBIE_EXTRA_HOLD = ChaosInstanceMain.TRANSACTION_TIMEOUT.plusSeconds(5);

    private final WeirInstances instances;
    private final BrokerProcess broker;
    private final GroupView group;
    private final Random random;
    private final ChaosLog log;
    private int killsDone;
    private int brokerRestarts;
    private boolean zombieFenced;

    ChaosMonkey(WeirInstances instances, BrokerProcess broker, GroupView group, Random random, ChaosLog log) {
        this.instances = instances;
        this.broker = broker;
        this.group = group;
        this.random = random;
        this.log = log;
    }

    /**
     * Carries out one event.
     *
     * @param event the event
     * @throws InterruptedException if interrupted while the broker is down or the zombie frozen
     */
    void perform(ChaosSchedule.Event event) throws InterruptedException {
        switch (event.kind()) {
            case KILL -> killAndRestart(randomInstance());
            case BROKER_RESTART -> restartBroker();
            case ZOMBIE -> freezeAndThaw(randomInstance());
        }
    }

    /** @return instances killed with SIGKILL (and restarted) so far */
    int killsDone() {
        return killsDone;
    }

    /** @return broker restarts so far */
    int brokerRestarts() {
        return brokerRestarts;
    }

    /** @return whether the zombie noticed, once thawed, that it had been fenced */
    boolean zombieFenced() {
        return zombieFenced;
    }

    private void killAndRestart(String name) {
        ChildJvm victim = instances.get(name);
        victim.kill();
        assertThat(victim.exitCode()).as("exit code of %s after SIGKILL", victim).hasValue(ChildJvm.SIGKILL_EXIT_CODE);
        killsDone++;
        log.event("SIGKILLed " + name + " (pid " + victim.pid() + "); restarting it");
        ChildJvm restarted = instances.start(name);
        log.event(name + " runs again (pid " + restarted.pid() + ")");
    }

    private void restartBroker() throws InterruptedException {
        Duration outage = Duration.ofMillis(1_000 + random.nextInt(4_000));
        log.event("stopping the broker; it stays down " + outage.toMillis() + " ms once stopped");
        int exitCode = broker.restart(outage);
        brokerRestarts++;
        log.event("broker runs again on the same port and data (the stopped JVM exited with " + exitCode + ")");
    }

    /**
     * Freezes an instance that owns input partitions until the group has given them to the
     * others, then thaws it: its open transaction and its next commit belong to a generation
     * that is gone, so the broker must fence them. The time it stays frozen after its partitions
     * moved is part of the scenario, not a wait for a condition.
     */
    private void freezeAndThaw(String name) throws InterruptedException {
        String clientId = consumerClientId(name);
        Set<Integer> owned = Awaitility.await("group stable with " + name + " owning input partitions")
                .atMost(GROUP_CHANGE).pollInterval(Duration.ofMillis(500))
                .until(() -> group.stableOwnership().getOrDefault(clientId, Set.of()), partitions -> !partitions.isEmpty());
        ChildJvm zombie = instances.get(name);
        zombie.pause();
        // Counted once frozen: every later line was written after the thaw.
        long linesBefore = lineCount(zombie.logFile());
        log.event("SIGSTOPped " + name + " (pid " + zombie.pid() + "), which owned input partitions " + owned);

        Map<String, Set<Integer>> takenOver = Awaitility.await("partitions " + owned + " of frozen " + name + " moved")
                .atMost(GROUP_CHANGE).pollInterval(Duration.ofMillis(500))
                .until(group::stableOwnership, ownership -> !ownership.isEmpty() && !ownership.containsKey(clientId)
                        && ownership.values().stream().flatMap(Set::stream).toList().containsAll(owned));
        // Thawed at once, its open transaction is still alive and its commit is refused for its old
        // generation; held past the transaction timeout, the broker aborts the transaction and
        // bumps the producer epoch first. The seed decides which of the two this run sees.
        Duration hold = Duration.ofMillis(random.nextInt((int) ZOMBIE_EXTRA_HOLD.toMillis()));
        log.event("the group fenced " + name + " out; input partitions now " + takenOver + "; it stays frozen "
                + hold.toMillis() + " ms more");
        Thread.sleep(hold.toMillis());

        zombie.resume();
        log.event("SIGCONTed " + name + "; its late work must be fenced");
        Awaitility.await("thawed " + name + " notices it was fenced").atMost(GROUP_CHANGE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> linesAfter(zombie.logFile(), linesBefore).anyMatch(line -> ZOMBIE_NOTICED.matcher(line).find()));
        zombieFenced = true;
        log.event(name + " noticed: " + linesAfter(zombie.logFile(), linesBefore)
                .filter(line -> ZOMBIE_NOTICED.matcher(line).find()).findFirst().orElseThrow());
    }

    private String randomInstance() {
        List<String> names = instances.names();
        return names.get(random.nextInt(names.size()));
    }

    /** The client id Weir gives the group consumer of worker 0 of an instance. */
    private static String consumerClientId(String instance) {
        return ChaosInstanceMain.APPLICATION_ID + "-" + instance + "-0-consumer";
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> linesAfter(Path file, long skipped) {
        try {
            return Files.readAllLines(file).stream().skip(skipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
