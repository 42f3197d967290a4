package dev.weir.benchmarks.workloads;

/** The kinds of input topic the compared workloads read. */
public enum InputKind {

    /** {@code key-NNNN} keys drawn uniformly from 10,000, 50-byte values {@code <index>:xxx…}; see {@link KeyedInputGenerator}. */
    KEYED,
    /** Card transactions as JSON keyed by account, with injected fraud patterns; see {@link TransactionInputGenerator}. */
    TRANSACTIONS,
    /** Nexmark person, auction and bid events as CSV, without keys; see {@link NexmarkGenerator}. */
    NEXMARK;

    /** A generator of this input with its default seed: every run of the benchmark loads the same records. */
    public InputGenerator generator() {
        switch (this) {
            case KEYED:
                return new KeyedInputGenerator();
            case TRANSACTIONS:
                return new TransactionInputGenerator();
            default:
                return new NexmarkGenerator();
        }
    }

    /** A generator of this input with another seed. */
    public InputGenerator generator(long seed) {
        switch (this) {
            case KEYED:
                return new KeyedInputGenerator(seed);
            case TRANSACTIONS:
                return new TransactionInputGenerator(seed);
            default:
                return new NexmarkGenerator(seed);
        }
    }
}
