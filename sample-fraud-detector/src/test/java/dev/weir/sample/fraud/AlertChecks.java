package dev.weir.sample.fraud;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.weir.test.CheckReport;
import dev.weir.test.ExactlyOnceChecker;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the committed alerts against the injected patterns, with the independent exactly-once
 * checker: every fraud pattern's account has exactly one alert of the pattern's rule, and no
 * other account has any.
 */
final class AlertChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertChecks() {
    }

    /** The alerts each pattern must yield: one (account, rule) per fraud pattern. */
    static List<Map.Entry<String, String>> expected(List<TransactionGenerator.Pattern> patterns) {
        return patterns.stream()
                .filter(p -> p.kind().expectedRule().isPresent())
                .map(p -> Map.entry(p.accountId(), p.kind().expectedRule().get()))
                .toList();
    }

    /** Reads {@code topic} with read_committed and compares its (account, rule) pairs with {@code patterns}'. */
    static CheckReport<String, String> check(String bootstrapServers, String topic,
                                             List<TransactionGenerator.Pattern> patterns) {
        Deserializer<String> rule = (t, bytes) -> JSON.readValue(new String(bytes, StandardCharsets.UTF_8),
                FraudAlert.class).rule();
        return ExactlyOnceChecker.forTopic(bootstrapServers, topic, new StringDeserializer(), rule)
                .checkMultiset(expected(patterns));
    }
}
