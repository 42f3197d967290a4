package dev.weir.sample.fraud;

/**
 * A card transaction, keyed by account on the {@code transactions} topic.
 *
 * @param id unique id
 * @param accountId the account charged
 * @param amount in dollars
 * @param timestamp when it happened, epoch milliseconds
 */
public record Transaction(String id, String accountId, double amount, long timestamp) {
}
