package dev.weir.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.weir.test.CheckReport;
import dev.weir.test.ChildJvm;
import dev.weir.test.EmbeddedKafkaExtension;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processing-time timers are state: registered before a SIGKILL, they are restored with the
 * task and fire after the restart, each exactly once, reading the state they were set for.
 */
class TimerRecoveryTest {

    private static final int CUSTOMERS = 200;

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @Test
    void timersRegisteredBeforeASigkillFireOnceAfterTheRestart(@TempDir Path dir) {
        kafka.createTopic("timer-orders", 6);
        kafka.createTopic("timer-totals", 6);
        KeyedInput orders = new KeyedInput(kafka.bootstrapServers(), "timer-orders", TimerRecoveryTest::customer,
                i -> String.format("{\"orderId\":\"o-%d\",\"customer\":\"%s\",\"product\":\"p-%d\",\"amount\":%d.50}",
                        i, customer(i), i % 3, i));
        try (PipelineInstances instances = new PipelineInstances("customer-totals", kafka.bootstrapServers(), dir,
                "timer-orders", "timer-totals")) {
            ChildJvm first = instances.start("a");
            orders.produce(0, CUSTOMERS);
            checker().awaitCommittedRecords(CUSTOMERS, Duration.ofMinutes(1));
            // Each customer's quiet timer is due 6 s after its order: none has fired yet.
            first.kill();

            instances.start("a");
            checker().awaitCommittedRecords(2L * CUSTOMERS, Duration.ofMinutes(1));
        }
        List<Map.Entry<String, String>> expected = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            expected.add(Map.entry(customer(i), String.format("total=%d.50 after order o-%d", i, i)));
            expected.add(Map.entry(customer(i), String.format("quiet: total=%d.50, products [p-%d×1]", i, i % 3)));
        }
        CheckReport<String, String> report = checker().checkMultiset(expected);
        assertThat(report.isExactlyOnce()).as(report.toString()).isTrue();
    }

    private static String customer(int i) {
        return "customer-" + i;
    }

    private static ExactlyOnceChecker<String, String> checker() {
        return ExactlyOnceChecker.forTopic(kafka.bootstrapServers(), "timer-totals", new StringDeserializer(),
                new StringDeserializer());
    }
}
