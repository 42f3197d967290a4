package dev.weir.benchmarks.workloads;

import java.util.List;

/**
 * How an output compares with the output a workload must produce, counted as multisets.
 *
 * @param expected records the output must hold: all of them for passthrough and fraud; for
 *     windowed workloads, those of the windows that must be final, plus those of later windows
 *     that the output holds
 * @param received records the output holds
 * @param missing expected records the output lacks (a record expected twice and received once
 *     counts once)
 * @param duplicated received records beyond the number of times they were expected
 * @param wrong received records that were not expected at all (a wrong count in a window is one
 *     wrong record and one missing one)
 * @param examples a few of the problems, for diagnosis; empty when all is well
 */
public record Verdict(long expected, long received, long missing, long duplicated, long wrong, List<String> examples) {

    /** Creates a verdict; the examples are copied. */
    public Verdict {
        examples = List.copyOf(examples);
    }

    /** Whether nothing is missing, duplicated or wrong. */
    public boolean ok() {
        return missing == 0 && duplicated == 0 && wrong == 0;
    }

    /** One line: the counts, then the examples if anything is wrong. */
    public String summary() {
        String counts = expected + " expected, " + received + " received";
        if (ok()) {
            return "ok: " + counts + (examples.isEmpty() ? "" : "; note: " + String.join("; ", examples));
        }
        return "FAILED: " + counts + ", " + missing + " missing, " + duplicated + " duplicated, " + wrong + " wrong"
                + (examples.isEmpty() ? "" : "; e.g. " + String.join("; ", examples));
    }
}
