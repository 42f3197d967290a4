package dev.weir.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.weir.benchmarks.workloads.RunnerArguments;

/**
 * A system the comparison runs, each in a child JVM of its own started with the runner contract of
 * {@link RunnerArguments}: Weir, Kafka Streams, Flink, and the bare transactional loop that bounds
 * them all.
 */
enum SystemUnderTest {

    /** Weir: {@code dev.weir.benchmarks.weir.WeirRunner}. */
    WEIR("weir", "Weir", "dev.weir.benchmarks.weir.WeirRunner"),
    /** Kafka Streams, exactly_once_v2 and RocksDB stores. */
    KAFKA_STREAMS("kafka-streams", "Kafka Streams", "dev.weir.benchmarks.kstreams.KafkaStreamsRunner"),
    /** Flink in a local MiniCluster, exactly-once Kafka sink; on a class path of its own (its Kafka client). */
    FLINK("flink", "Flink", "dev.weir.benchmarks.flink.FlinkRunner"),
    /** The physical limit: a consumer and a transactional producer copying bytes, nothing else. */
    BARE("bare", "bare loop", BareRunner.class.getName());

    private final String label;
    private final String displayName;
    private final String mainClass;

    SystemUnderTest(String label, String displayName, String mainClass) {
        this.label = label;
        this.displayName = displayName;
        this.mainClass = mainClass;
    }

    String label() {
        return label;
    }

    String displayName() {
        return displayName;
    }

    String mainClass() {
        return mainClass;
    }

    /**
     * The runner's class path: this JVM's for every system but Flink, whose connector brings a
     * Kafka client of its own and so runs from {@code flinkModule}'s {@code target/classes} and
     * {@code target/lib}.
     */
    String classPath(Path flinkModule) {
        if (this != FLINK) {
            return System.getProperty("java.class.path");
        }
        Path classes = flinkModule.resolve("target").resolve("classes");
        Path lib = flinkModule.resolve("target").resolve("lib");
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("Flink's runner is not built: " + classes + " and " + lib
                    + " must exist (mvn -pl benchmarks-flink package -DskipTests)");
        }
        return classes.toAbsolutePath() + File.pathSeparator + lib.toAbsolutePath() + File.separator + "*";
    }

    /** JVM options the runner needs beyond the heap (Flink's opens of JDK modules). */
    List<String> jvmOptions(Path flinkModule) {
        if (this != FLINK) {
            return List.of();
        }
        Path options = flinkModule.resolve("src/main/resources/flink-jvm-options.txt");
        try {
            return Files.readAllLines(options).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Flink's JVM options from " + options, e);
        }
    }

    static SystemUnderTest parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (SystemUnderTest s : values()) {
            if (s.label.equals(n) || s.name().equalsIgnoreCase(n)) {
                return s;
            }
        }
        if (n.equals("kstreams") || n.equals("streams")) {
            return KAFKA_STREAMS;
        }
        throw new IllegalArgumentException("unknown system '" + name + "': weir, kafka-streams, flink or bare");
    }
}
