package dev.weir.config;

/**
 * What happens to a record that cannot be deserialized, or on which an operator throws.
 * Either way the record leaves no trace in state or output.
 */
public enum ErrorPolicy {
    /**
     * The record goes to the dead-letter topic with headers naming its source topic, partition,
     * offset, the operator and the exception; processing continues.
     */
    DEAD_LETTER("dead-letter"),
    /** The record is logged, counted and skipped. */
    SKIP("skip"),
    /** The worker fails and the restart strategy decides what follows. */
    FAIL("fail");

    private final String propertyValue;

    ErrorPolicy(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** The value as written in {@code weir.errors.policy}. */
    public String propertyValue() {
        return propertyValue;
    }
}
