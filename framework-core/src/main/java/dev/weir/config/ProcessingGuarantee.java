package dev.weir.config;

/** What a failure may do to the output. */
public enum ProcessingGuarantee {
    /**
     * Offsets, output and state changes of a checkpoint commit in one Kafka transaction: after
     * any failure, {@code read_committed} readers see each input's effect exactly once.
     */
    EXACTLY_ONCE("exactly-once"),
    /** No transactions and no alignment: after a failure, some output may be written again. */
    AT_LEAST_ONCE("at-least-once");

    private final String propertyValue;

    ProcessingGuarantee(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** The value as written in {@code weir.processing-guarantee}. */
    public String propertyValue() {
        return propertyValue;
    }
}
