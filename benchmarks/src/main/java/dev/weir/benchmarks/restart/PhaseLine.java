package dev.weir.benchmarks.restart;

import java.util.Optional;

/**
 * The line a {@link RestartInstance} prints for a moment only it can see:
 * {@code WEIR-RESTART-PHASE <phase> <epoch millis> <detail>}.
 */
record PhaseLine(Phase phase, long epochMillis, String detail) {

    static final String PREFIX = "WEIR-RESTART-PHASE ";

    /** Prints the line on standard output, which the child JVM's log file receives. */
    static void print(Phase phase, long epochMillis, String detail) {
        System.out.println(PREFIX + phase.name() + " " + epochMillis + (detail.isEmpty() ? "" : " " + detail));
        System.out.flush();
    }

    /** The phase line in {@code line}, if it is one. */
    static Optional<PhaseLine> parse(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        String[] parts = line.substring(at + PREFIX.length()).trim().split(" ", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return Optional.of(new PhaseLine(Phase.valueOf(parts[0]), Long.parseLong(parts[1]),
                parts.length > 2 ? parts[2] : ""));
    }
}
