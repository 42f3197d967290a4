package dev.weir.benchmarks.flink.workloads;

/**
 * A card transaction of the fraud workload's input, as the sample fraud detector writes it in JSON.
 *
 * @param id        the transaction id, e.g. {@code t-123}
 * @param accountId the account, also the record key
 * @param amount    the amount
 * @param timestamp when it happened; equal to the record timestamp, which is what the rules use
 */
public record Transaction(String id, String accountId, double amount, long timestamp) {
}
