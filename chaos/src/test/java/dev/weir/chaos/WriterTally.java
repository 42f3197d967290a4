package dev.weir.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the output values {@code id:count|writer} as {@code id:count}, for the checker, and
 * remembers which writers wrote each value, so that a failed run says who wrote the copies of
 * each duplicated value. Values are unique per record, so a value read twice is a duplicate.
 */
final class WriterTally implements Deserializer<String> {

    /** What separates the checked value from the writer's name. */
    static final String SEPARATOR = "|";

    private final Map<String, List<String>> writersByValue = new TreeMap<>();

    @Override
    public String deserialize(String topic, byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int at = text.lastIndexOf(SEPARATOR);
        String value = at < 0 ? text : text.substring(0, at);
        writersByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(at < 0 ? "?" : text.substring(at + 1));
        return value;
    }

    /** How many duplicated values each combination of writers wrote, such as {@code [instance-1/pid-7, instance-3/pid-9]=12}. */
    Map<String, Integer> ofDuplicates() {
        Map<String, Integer> result = new TreeMap<>();
        writersByValue.values().stream().filter(writers -> writers.size() > 1)
                .forEach(writers -> result.merge(writers.toString(), 1, Integer::sum));
        return result;
    }
}
