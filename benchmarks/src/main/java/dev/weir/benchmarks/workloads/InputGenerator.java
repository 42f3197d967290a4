package dev.weir.benchmarks.workloads;

/**
 * An endless, deterministic sequence of input records of one {@link InputKind}: two generators
 * made with the same seed give the same records in the same order. Not thread-safe.
 */
public interface InputGenerator {

    /** The kind of input generated. */
    InputKind kind();

    /** The next record; the first call gives record 0. Timestamps never decrease from one call to the next. */
    InputRecord next();
}
