package dev.weir.internals.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aligns checkpoint barriers across the input channels of a task (its splits). Once barrier
 * {@code N} arrives on a channel, that channel is blocked: its elements are held, not processed,
 * until barrier {@code N} has arrived on every channel. Then the task is aligned — its state
 * reflects every input up to the same barrier — and the held elements are released, in order.
 *
 * @param <C> the channel type
 * @param <E> the element type
 */
public final class BarrierAligner<C, E> {

    private final Set<C> channels;
    private final Set<C> arrived = new HashSet<>();
    private final Map<C, Deque<E>> held = new LinkedHashMap<>();
    private long pendingCheckpoint = -1;
    private long lastAligned = -1;
    private long alignmentStartNanos;
    private long lastAlignmentNanos;

    public BarrierAligner(Collection<C> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("an aligner needs at least one channel");
        }
        this.channels = Set.copyOf(channels);
    }

    /**
     * Barrier {@code checkpointId} arrived on {@code channel}.
     *
     * @return whether this barrier completed the alignment
     */
    public boolean onBarrier(C channel, long checkpointId) {
        if (!channels.contains(channel)) {
            throw new IllegalArgumentException("unknown channel " + channel);
        }
        if (checkpointId <= lastAligned) {
            throw new IllegalStateException("barrier " + checkpointId + " on " + channel
                    + " arrived after checkpoint " + lastAligned + " was aligned");
        }
        if (checkpointId != pendingCheckpoint) {
            if (pendingCheckpoint != -1 && !arrived.isEmpty()) {
                // A newer barrier supersedes an alignment that never completed (its checkpoint was abandoned).
                arrived.clear();
            }
            pendingCheckpoint = checkpointId;
            alignmentStartNanos = System.nanoTime();
        }
        arrived.add(channel);
        if (arrived.size() < channels.size()) {
            return false;
        }
        lastAligned = checkpointId;
        lastAlignmentNanos = System.nanoTime() - alignmentStartNanos;
        arrived.clear();
        pendingCheckpoint = -1;
        return true;
    }

    /** Whether {@code channel}'s elements must be held: it has the pending barrier and others do not yet. */
    public boolean isBlocked(C channel) {
        return arrived.contains(channel);
    }

    /** Holds an element of a blocked channel until the alignment completes. */
    public void hold(C channel, E element) {
        if (!isBlocked(channel)) {
            throw new IllegalStateException(channel + " is not blocked");
        }
        held.computeIfAbsent(channel, c -> new ArrayDeque<>()).addLast(element);
    }

    /** Whether barrier {@code checkpointId} has arrived on every channel. */
    public boolean isAligned(long checkpointId) {
        return lastAligned >= checkpointId;
    }

    /** The elements held during the last alignment, channel by channel in arrival order; clears them. */
    public List<Map.Entry<C, E>> releaseHeld() {
        if (!arrived.isEmpty()) {
            throw new IllegalStateException("the alignment of checkpoint " + pendingCheckpoint + " is not complete");
        }
        List<Map.Entry<C, E>> released = new ArrayList<>();
        held.forEach((channel, elements) -> elements.forEach(e -> released.add(Map.entry(channel, e))));
        held.clear();
        return released;
    }

    /** How long the last completed alignment took, from its first barrier to its last. */
    public long lastAlignmentNanos() {
        return lastAlignmentNanos;
    }
}
