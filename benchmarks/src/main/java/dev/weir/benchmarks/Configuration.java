package dev.weir.benchmarks;

import java.util.Objects;

import dev.weir.config.ProcessingGuarantee;

/** One row of the table: a workload under a guarantee with a number of worker threads. */
final class Configuration {

    final Workload workload;
    final ProcessingGuarantee guarantee;
    final int workers;

    Configuration(Workload workload, ProcessingGuarantee guarantee, int workers) {
        this.workload = workload;
        this.guarantee = guarantee;
        this.workers = workers;
    }

    /** {@code count-eos-w2}: part of application ids and topic names. */
    String name() {
        return workload.label() + "-" + (guarantee == ProcessingGuarantee.EXACTLY_ONCE ? "eos" : "alos") + "-w" + workers;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Configuration)) {
            return false;
        }
        Configuration other = (Configuration) o;
        return workload == other.workload && guarantee == other.guarantee && workers == other.workers;
    }

    @Override
    public int hashCode() {
        return Objects.hash(workload, guarantee, workers);
    }

    @Override
    public String toString() {
        return name();
    }
}
