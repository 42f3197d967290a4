package dev.weir.benchmarks;

/** One measured run. */
final class RunResult {

    final Configuration configuration;
    final Workload workload;
    final String guarantee;
    final int workers;
    /** 1, 2, … for measured rounds; 0 or less for warm-up rounds. */
    final int round;
    final long inputRecords;
    final ProgressWatcher.Progress progress;
    final OutputVerifier.Verdict verdict;
    final long deadLettered;

    RunResult(Configuration configuration, int round, long inputRecords, ProgressWatcher.Progress progress,
              OutputVerifier.Verdict verdict, long deadLettered) {
        this.configuration = configuration;
        this.workload = configuration.workload();
        this.guarantee = configuration.guarantee().propertyValue();
        this.workers = configuration.workers();
        this.round = round;
        this.inputRecords = inputRecords;
        this.progress = progress;
        this.verdict = verdict;
        this.deadLettered = deadLettered;
    }

    boolean completed() {
        return progress.failure == null && progress.doneNanos >= 0;
    }

    /**
     * The measured window: from the moment the runner first owned partitions (for Weir: its
     * first tasks were created; for the bare loop: its consumer's first assignment) to the moment
     * the group's committed offsets reached the input's end. Start-up before it (provisioning
     * topics, starting workers, joining the group, opening state) is excluded; the last
     * checkpoint interval, which output waits for before it is committed, is included.
     */
    long measuredRecords() {
        return inputRecords;
    }

    double measuredSeconds() {
        return Math.max(1e-3, (progress.doneNanos - progress.assignedNanos) / 1e9);
    }

    double recordsPerSecond() {
        return completed() ? measuredRecords() / measuredSeconds() : Double.NaN;
    }

    /** From {@code start()} to the first assignment. */
    double startupSeconds() {
        return progress.assignedNanos < 0 ? Double.NaN : progress.assignedNanos / 1e9;
    }

    /** From {@code start()} to all committed. */
    double totalSeconds() {
        return progress.doneNanos < 0 ? Double.NaN : progress.doneNanos / 1e9;
    }

    boolean ok() {
        return completed() && (verdict == null || verdict.ok());
    }
}
