package dev.weir.benchmarks.restart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each {@link Phase} of one start of a {@link RestartInstance} happened, read from its log:
 * the instance's own phase lines and the engine's and Kafka consumer's log lines, each of which
 * starts with its time in epoch milliseconds (see {@code instance-log4j2.xml}). Also what the
 * restore did: how many tasks reused their local state and how many changelog records were replayed.
 */
final class StartupTimeline {

    private static final Pattern RESTORED = Pattern.compile(
            "Restored task \\S+ from changelog offset \\d+ to \\d+: replayed (\\d+) records, (.+)$");

    private final Map<Phase, Long> times = new EnumMap<>(Phase.class);
    private int tasksReusingLocalState;
    private int tasksWithoutLocalState;
    private long recordsReplayed;

    /** Reads the phases from the log of one child JVM. */
    static StartupTimeline read(Path logFile) {
        StartupTimeline timeline = new StartupTimeline();
        List<String> lines;
        try {
            lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile, e);
        }
        for (String line : lines) {
            timeline.accept(line);
        }
        return timeline;
    }

    private void accept(String line) {
        var phaseLine = PhaseLine.parse(line);
        if (phaseLine.isPresent()) {
            times.putIfAbsent(phaseLine.get().phase(), phaseLine.get().epochMillis());
            return;
        }
        OptionalLong at = leadingMillis(line);
        if (at.isEmpty()) {
            return;
        }
        if (line.contains("Successfully joined group")) {
            times.putIfAbsent(Phase.GROUP_JOINED, at.getAsLong());
        } else if (line.contains("Updating assignment with")) {
            times.putIfAbsent(Phase.PARTITIONS_ASSIGNED, at.getAsLong());
        } else {
            Matcher restored = RESTORED.matcher(line);
            if (restored.find()) {
                // The last task restored is when the state of all of them is back.
                times.put(Phase.STATE_RESTORED, at.getAsLong());
                recordsReplayed += Long.parseLong(restored.group(1));
                if (restored.group(2).contains("local state reused")) {
                    tasksReusingLocalState++;
                } else {
                    tasksWithoutLocalState++;
                }
            }
        }
    }

    private static OptionalLong leadingMillis(String line) {
        int space = line.indexOf(' ');
        if (space < 13) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(line.substring(0, space)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Records a moment the benchmark saw itself. */
    void put(Phase phase, long epochMillis) {
        times.put(phase, epochMillis);
    }

    /** When {@code phase} happened, if it was seen. */
    OptionalLong at(Phase phase) {
        Long t = times.get(phase);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    int tasksReusingLocalState() {
        return tasksReusingLocalState;
    }

    int tasksWithoutLocalState() {
        return tasksWithoutLocalState;
    }

    long recordsReplayed() {
        return recordsReplayed;
    }

    /** {@code local state reused (6 tasks)}, {@code full changelog restore (6 tasks)} or a mix. */
    String restorePath() {
        if (tasksReusingLocalState == 0 && tasksWithoutLocalState == 0) {
            return "no stateful task restored";
        }
        if (tasksWithoutLocalState == 0) {
            return "local state reused (" + tasksReusingLocalState + " tasks)";
        }
        if (tasksReusingLocalState == 0) {
            return "full changelog restore (" + tasksWithoutLocalState + " tasks)";
        }
        return tasksReusingLocalState + " tasks reused local state, " + tasksWithoutLocalState + " restored fully";
    }
}
