package dev.weir.internals.state;

/**
 * The timers of one operator in one time domain, per key and namespace, kept in a column
 * family through the task's overlay: they are checkpointed, restored, discarded and undone
 * exactly like state. {@link #nextTimerTime()} is answered from an in-memory index of each
 * key group's earliest timer, so it is cheap enough to call on every loop.
 */
public final class InternalTimerService {

    private static final byte[] NO_VALUE = new byte[0];

    private final StagedTable table;
    private final KeyContext keyContext;
    private final TimerIndex index;

    InternalTimerService(StagedTable table, KeyContext keyContext) {
        this.table = table;
        this.keyContext = keyContext;
        this.index = new TimerIndex(table);
        table.watch(index);
    }

    /** Registers a timer at {@code timestamp} for the current key and namespace; a duplicate is a no-op. */
    public void registerTimer(long timestamp) {
        byte[] key = currentTimerKey(timestamp);
        // A window registers its timer with every element: one registered since the checkpoint costs a lookup.
        if (table.isStaged(key)) {
            return;
        }
        table.put(key, NO_VALUE);
        index.added(key);
    }

    /** Deletes the current key and namespace's timer at {@code timestamp}, if there is one. */
    public void deleteTimer(long timestamp) {
        byte[] key = currentTimerKey(timestamp);
        table.delete(key);
        index.removed(key);
    }

    /** The earliest timer's timestamp, or {@link Long#MAX_VALUE} if there is no timer. */
    public long nextTimerTime() {
        TimerIndex.Head earliest = index.earliest();
        return earliest == null ? Long.MAX_VALUE : earliest.timestamp();
    }

    /**
     * Fires every timer with a timestamp at or before {@code time}, earliest first across key
     * groups. Each timer is removed (staged) before {@code handler} runs with the key context
     * set to the timer's key group, key and namespace; timers the handler registers at or
     * before {@code time} fire in this call too. The key context is left at the last timer's
     * key. An exception from the handler propagates; the timer it was handling stays removed.
     *
     * @return how many timers fired
     */
    public int fireTimersUpTo(long time, TimerHandler handler) {
        int fired = 0;
        TimerIndex.Head earliest;
        while ((earliest = index.earliest()) != null && earliest.timestamp() <= time) {
            table.delete(earliest.key());
            index.fired(earliest);
            TimerKeyCodec.Timer timer = TimerKeyCodec.decode(earliest.key());
            keyContext.setCurrentKey(timer.keyGroup(), timer.key());
            keyContext.setNamespace(timer.namespace());
            handler.onTimer(timer.timestamp());
            fired++;
        }
        return fired;
    }

    KeyContext keyContext() {
        return keyContext;
    }

    private byte[] currentTimerKey(long timestamp) {
        return TimerKeyCodec.encode(keyContext.keyGroup(), timestamp, keyContext.serializedKey(), keyContext.namespace());
    }
}
