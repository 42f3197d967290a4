package dev.weir.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * When each chaos event happens, as a position in the input: the event fires once the producer
 * has written that many records, and the producer waits there while the previous event is still
 * going on. The events are shuffled and each gets a random moment within
 * its own slice of the input (between 5 % and 85 % of it), so they are spread over the run
 * without being evenly spaced; the same seed gives the same schedule.
 */
final class ChaosSchedule {

    private static final double FIRST = 0.05;
    private static final double LAST = 0.85;

    private ChaosSchedule() {
    }

    /**
     * Draws the schedule of a run: the plan's kills, one broker restart and one zombie.
     *
     * @param plan   the run's plan
     * @param random the run's seeded random
     * @return the events in the order they happen
     */
    static List<Event> draw(ChaosPlan plan, Random random) {
        List<Kind> kinds = new ArrayList<>(Collections.nCopies(plan.kills(), Kind.KILL));
        kinds.add(Kind.BROKER_RESTART);
        kinds.add(Kind.ZOMBIE);
        Collections.shuffle(kinds, random);
        double slice = (LAST - FIRST) / kinds.size();
        List<Event> events = new ArrayList<>();
        for (int n = 0; n < kinds.size(); n++) {
            double at = FIRST + (n + random.nextDouble()) * slice;
            events.add(new Event(kinds.get(n), (int) (at * plan.records())));
        }
        return events;
    }

    /** What a chaos event does. */
    enum Kind {
        /** SIGKILL a random instance, then start it again. */
        KILL,
        /** Stop the broker, keep it down briefly, start it again with its data. */
        BROKER_RESTART,
        /** SIGSTOP a random instance until its tasks have moved, then SIGCONT it. */
        ZOMBIE
    }

    /**
     * One scheduled event.
     *
     * @param kind     what happens
     * @param position how many input records are written before it happens
     */
    record Event(Kind kind, int position) {
    }
}
