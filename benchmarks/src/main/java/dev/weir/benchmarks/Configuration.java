package dev.weir.benchmarks;

import dev.weir.config.ProcessingGuarantee;

/** One row of the table: a workload under a guarantee with a number of worker threads. */
record Configuration(Workload workload, ProcessingGuarantee guarantee, int workers) {

    /** {@code count-eos-w2}: part of application ids and topic names. */
    String name() {
        return workload.label() + "-" + (guarantee == ProcessingGuarantee.EXACTLY_ONCE ? "eos" : "alos") + "-w" + workers;
    }

    @Override
    public String toString() {
        return name();
    }
}
