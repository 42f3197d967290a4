package dev.weir.benchmarks.restart;

/** The moments of a restarted instance's way back to processing, in the order they happen. */
enum Phase {
    /** The child JVM was created, as the JVM itself reports it. */
    JVM_STARTED("JVM started"),
    /** {@code main} runs: the JVM has booted and loaded the main class. */
    MAIN_ENTERED("main entered"),
    /** {@code WeirRuntime.start()} returned: topics checked, workers started. */
    RUNTIME_STARTED("runtime started"),
    /** The first worker's consumer joined the group (Kafka's "Successfully joined group"). */
    GROUP_JOINED("group joined"),
    /** The consumer was handed its partitions (Kafka's "Updating assignment with"). */
    PARTITIONS_ASSIGNED("partitions assigned"),
    /** Every task's RocksDB was open and its changelog tail replayed (Weir's last "Restored task"). */
    STATE_RESTORED("state restored"),
    /** {@code WeirRuntime.activeTasks()} holds every task. */
    TASKS_ACTIVE("tasks active"),
    /** The pipeline's function saw its first record. */
    FIRST_RECORD_PROCESSED("first record processed"),
    /** A read_committed consumer of the output saw the first record the restarted instance committed. */
    FIRST_OUTPUT_COMMITTED("first output committed");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
