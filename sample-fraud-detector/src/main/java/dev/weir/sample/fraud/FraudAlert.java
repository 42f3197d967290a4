package dev.weir.sample.fraud;

/**
 * A suspected fraud, keyed by account on the {@code fraud-alerts} topic. Everything in it follows
 * from the transactions, so a replay after a failure would write the very same alert.
 *
 * @param accountId the account
 * @param rule the rule that fired: {@value #SMALL_THEN_LARGE} or {@value #VELOCITY}
 * @param transactionId the transaction that completed the pattern
 * @param detail what the rule saw
 */
public record FraudAlert(String accountId, String rule, String transactionId, String detail) {

    /** A tiny transaction followed by a large one on the same account within the window. */
    public static final String SMALL_THEN_LARGE = "small-then-large";

    /** More transactions on one account within a sliding window than allowed. */
    public static final String VELOCITY = "velocity";
}
