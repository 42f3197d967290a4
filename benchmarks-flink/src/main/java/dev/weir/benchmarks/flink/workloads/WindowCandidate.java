package dev.weir.benchmarks.flink.workloads;

/**
 * One partial result competing to be a window's best: a per-auction count (q5) or a per-auction highest
 * bid (q7).
 *
 * @param windowStart the window's start in epoch milliseconds
 * @param score       what is compared: the count (q5) or the price (q7)
 * @param description the output value after {@code <windowStart>:}, e.g. {@code <auction>:<count>}
 */
public record WindowCandidate(long windowStart, long score, String description) {
}
