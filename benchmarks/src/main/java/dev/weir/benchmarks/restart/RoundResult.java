package dev.weir.benchmarks.restart;

import java.util.OptionalLong;

/**
 * One kill and restart: when the old instance was killed, when the new JVM was started, and when
 * each phase of its start happened.
 *
 * @param round           the round, from 1
 * @param killMillis      just before the SIGKILL, epoch millis
 * @param startMillis     just before the new JVM's process was created, epoch millis
 * @param timeline        the restarted instance's phases
 * @param restoredRecords changelog records replayed, by the instance's {@code weir.restore.records} meter
 */
record RoundResult(int round, long killMillis, long startMillis, StartupTimeline timeline, long restoredRecords) {

    /** Milliseconds from the process start to {@code phase}, if it was seen. */
    OptionalLong sinceStart(Phase phase) {
        OptionalLong at = timeline.at(phase);
        return at.isPresent() ? OptionalLong.of(at.getAsLong() - startMillis) : at;
    }

    /** Milliseconds from the kill to {@code phase}, if it was seen. */
    OptionalLong sinceKill(Phase phase) {
        OptionalLong at = timeline.at(phase);
        return at.isPresent() ? OptionalLong.of(at.getAsLong() - killMillis) : at;
    }
}
