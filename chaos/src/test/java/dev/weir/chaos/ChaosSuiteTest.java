package dev.weir.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.weir.test.CheckReport;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos suite: a stateful exactly-once pipeline on three Weir instances in child JVMs, fed
 * by a producer writing a large input at a fixed rate, while instances are SIGKILLed and
 * restarted, the broker is stopped and started again with its data, an instance is frozen with
 * SIGSTOP until the group has fenced it and then thawed, and a storm of poison records passes
 * through. Once the input is processed, an independent read_committed checker reads the output
 * and the dead-letter topic: nothing may be lost, nothing duplicated, and the dead-letter topic
 * must hold exactly the poison records, once each.
 *
 * <p>Every build runs the reduced size; {@code mvn -B -ntp verify -pl chaos -Pchaos-full} runs
 * the full one. {@code -Dchaos.seed=<seed>} replays the chaos of an earlier run (the seed is
 * printed first). Logs of the broker and the instances are kept in
 * {@code target/chaos-logs/seed-<seed>/}.
 */
class ChaosSuiteTest {

    private static final String INPUT = "chaos-input";
    private static final String OUTPUT = "chaos-output";
    private static final String DEAD_LETTERS = ChaosInstanceMain.APPLICATION_ID + "-dlq";
    private static final Path LOGS = Path.of("target", "chaos-logs");

    @Test
    void nothingIsLostOrDuplicatedAndOnlyPoisonIsDeadLetteredUnderKillsABrokerRestartAZombieAndAPoisonStorm(
            @TempDir Path dir) throws Exception {
        ChaosPlan plan = ChaosPlan.fromSystemProperties();
        ChaosLog log = new ChaosLog();
        log.event("plan " + plan + " (replay this chaos with -Dchaos.seed=" + plan.seed() + ")");
        Random random = new Random(plan.seed());
        ChaosInput input = new ChaosInput(plan, random);
        List<ChaosSchedule.Event> schedule = ChaosSchedule.draw(plan, random);
        log.event("poison storm from record " + input.stormStart() + "; schedule " + schedule);
        Path logs = freshDirectory(LOGS.resolve("seed-" + plan.seed()));

        CheckReport<String, String> output;
        WriterTally writers = new WriterTally();
        DeadLetterCheck.Report deadLetters;
        ChaosMonkey monkey;
        try (ChildProcesses processes = new ChildProcesses()) {
            BrokerProcess broker = new BrokerProcess(processes, dir.resolve("kafka"), logs.resolve("broker.log"));
            broker.start();
            String bootstrapServers = broker.bootstrapServers();
            createTopics(bootstrapServers);
            WeirInstances instances = new WeirInstances(processes, bootstrapServers, dir.resolve("state"), logs,
                    INPUT, OUTPUT);
            for (int n = 1; n <= ChaosPlan.INSTANCES; n++) {
                instances.start("instance-" + n);
            }
            log.event("broker and " + ChaosPlan.INSTANCES + " instances run; logs in " + logs.toAbsolutePath());

            try (GroupView group = new GroupView(bootstrapServers, ChaosInstanceMain.APPLICATION_ID, INPUT);
                 InputProducer producer = new InputProducer(bootstrapServers, INPUT, input)) {
                monkey = new ChaosMonkey(instances, broker, group, random, log);
                producer.holdAt(schedule.get(0).position());
                CompletableFuture<Void> writing = producer.start(plan.ratePerSecond());
                Duration writingTime = Duration.ofSeconds(2L * plan.records() / plan.ratePerSecond()).plusMinutes(10);
                for (int n = 0; n < schedule.size(); n++) {
                    ChaosSchedule.Event event = schedule.get(n);
                    Awaitility.await("input written up to record " + event.position()).atMost(writingTime)
                            .until(() -> producer.sent() >= event.position() || writing.isDone());
                    // The input flows on during the event, up to the next event's place.
                    producer.holdAt(n + 1 < schedule.size() ? schedule.get(n + 1).position() : plan.records());
                    log.event(event.kind() + " at record " + event.position());
                    monkey.perform(event);
                }
                writing.get(writingTime.toMillis(), TimeUnit.MILLISECONDS);
                log.event("input written: " + plan.records() + " records");
                Map<Integer, String> poisonLocations = producer.poisonLocations();

                Awaitility.await("input processed").atMost(Duration.ofSeconds(plan.records() / 500).plusMinutes(10))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(group::unprocessed, behind -> behind == 0);
                log.event("input processed; checking output and dead letters");

                output = ExactlyOnceChecker.forTopic(bootstrapServers, OUTPUT, new StringDeserializer(), writers)
                        .withReadTimeout(Duration.ofMinutes(10))
                        .checkPerKeySequences(input.expectedOutput());
                deadLetters = new DeadLetterCheck(bootstrapServers, DEAD_LETTERS, INPUT).check(input, poisonLocations);
            }
        }

        String summary = String.format("CHAOS SUMMARY records=%d (good %d, poison %d) kills=%d brokerRestarts=%d"
                        + " zombieFenced=%s lost=%d duplicated=%d unexpected=%d outOfOrder=%d deadLettered=%d/%d"
                        + " (dlqDuplicated=%d dlqUnexpected=%d dlqWrongHeaders=%d) elapsed=%s seed=%d",
                plan.records(), input.goodRecords(), input.poison().size(), monkey.killsDone(),
                monkey.brokerRestarts(), monkey.zombieFenced(), output.missingCount(), output.duplicatedCount(),
                output.unexpectedCount(), output.outOfOrderCount(), deadLetters.found(), deadLetters.expected(),
                deadLetters.duplicated(), deadLetters.unexpected(), deadLetters.wrongHeaders(), minutes(log.elapsed()),
                plan.seed());
        log.event(summary);

        assertThat(output.isExactlyOnce()).as(summary + "\n" + output + "\nwriters of duplicated values: "
                + writers.ofDuplicates()).isTrue();
        assertThat(output.recordsRead()).as(summary).isEqualTo(input.goodRecords());
        assertThat(deadLetters.isExact()).as(summary + "\n" + deadLetters).isTrue();
        assertThat(monkey.killsDone()).as(summary).isEqualTo(plan.kills());
        assertThat(monkey.brokerRestarts()).as(summary).isEqualTo(1);
        assertThat(monkey.zombieFenced()).as(summary).isTrue();
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(INPUT, ChaosPlan.PARTITIONS, (short) 1),
                    new NewTopic(OUTPUT, ChaosPlan.PARTITIONS, (short) 1))).all().get(1, TimeUnit.MINUTES);
        }
    }

    private static Path freshDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private static String minutes(Duration elapsed) {
        return elapsed.toMinutes() + "m" + String.format("%02d", elapsed.toSecondsPart()) + "s";
    }
}
