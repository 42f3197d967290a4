package dev.weir.state;

import java.time.Duration;
import java.util.Objects;

/**
 * When the entries of a state expire, as in Flink. Time is processing time (the instance's
 * wall clock). Expired entries disappear on access or at a later checkpoint's clean-up.
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.custom(Duration.ofHours(1))
 *         .updateType(StateTtlConfig.UpdateType.ON_READ_AND_WRITE)
 *         .build();
 * }</pre>
 */
public final class StateTtlConfig {

    /** What restarts an entry's time-to-live. */
    public enum UpdateType {
        /** Creating or writing the entry. */
        ON_CREATE_AND_WRITE,
        /** Creating, writing or reading the entry. */
        ON_READ_AND_WRITE
    }

    /** Whether an expired entry that is still stored may be read. */
    public enum StateVisibility {
        /** Expired entries are never returned. */
        NEVER_RETURN_EXPIRED,
        /** An expired entry is returned by the first read that finds it; that read removes it. */
        RETURN_EXPIRED_IF_NOT_CLEANED_UP
    }

    private final Duration ttl;
    private final UpdateType updateType;
    private final StateVisibility stateVisibility;

    private StateTtlConfig(Duration ttl, UpdateType updateType, StateVisibility stateVisibility) {
        this.ttl = ttl;
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
    }

    /**
     * Starts a configuration in which entries live for {@code ttl}, by default restarted by
     * creation and writes and never returned once expired.
     *
     * @throws IllegalArgumentException if {@code ttl} is shorter than one millisecond
     */
    public static Builder custom(Duration ttl) {
        return new Builder(ttl);
    }

    /** How long an entry lives after its last update. */
    public Duration ttl() {
        return ttl;
    }

    /** What restarts an entry's time-to-live. */
    public UpdateType updateType() {
        return updateType;
    }

    /** Whether expired entries may be read. */
    public StateVisibility stateVisibility() {
        return stateVisibility;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateTtlConfig that
                && ttl.equals(that.ttl)
                && updateType == that.updateType
                && stateVisibility == that.stateVisibility;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ttl, updateType, stateVisibility);
    }

    @Override
    public String toString() {
        return "StateTtlConfig[ttl=" + ttl + ", " + updateType + ", " + stateVisibility + "]";
    }

    /** Builds a {@link StateTtlConfig}. */
    public static final class Builder {

        private final Duration ttl;
        private UpdateType updateType = UpdateType.ON_CREATE_AND_WRITE;
        private StateVisibility stateVisibility = StateVisibility.NEVER_RETURN_EXPIRED;

        private Builder(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            // Expiry is tracked in whole milliseconds, so a shorter TTL would expire on creation.
            if (ttl.compareTo(Duration.ofMillis(1)) < 0) {
                throw new IllegalArgumentException("A state TTL must be at least 1 ms, got " + ttl);
            }
            this.ttl = ttl;
        }

        /** Sets what restarts an entry's time-to-live. */
        public Builder updateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType");
            return this;
        }

        /** Sets whether expired entries may be read. */
        public Builder stateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        /** The configuration. */
        public StateTtlConfig build() {
            return new StateTtlConfig(ttl, updateType, stateVisibility);
        }
    }
}
