package dev.weir.internals.windowing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.weir.windowing.MergingWindowAssigner;
import dev.weir.windowing.TimeWindow;

/**
 * One key's windows under a merging assigner, each mapped to the window its contents are
 * stored under. When windows merge, the merged window keeps the storage of one of them, so
 * that merging moves the others' contents into it instead of rewriting everything.
 */
final class MergingWindowSet {

    /** Told about each merge of existing windows, to merge their contents, trigger state and timers. */
    @FunctionalInterface
    interface MergeListener {

        /**
         * {@code mergedWindows} became {@code mergeResult}, whose contents live under
         * {@code stateWindow}; the contents under {@code mergedStateWindows} must move there.
         */
        void merged(TimeWindow mergeResult, Collection<TimeWindow> mergedWindows, TimeWindow stateWindow,
                    List<TimeWindow> mergedStateWindows);
    }

    private final MergingWindowAssigner<?, TimeWindow> assigner;
    private final Map<TimeWindow, TimeWindow> stateWindows;
    private boolean changed;

    MergingWindowSet(MergingWindowAssigner<?, TimeWindow> assigner, Map<TimeWindow, TimeWindow> stateWindows) {
        this.assigner = assigner;
        this.stateWindows = stateWindows;
    }

    /** The window whose storage holds {@code window}'s contents, or {@code null} if the window is gone. */
    TimeWindow stateWindowOf(TimeWindow window) {
        return stateWindows.get(window);
    }

    /**
     * Adds a new window and merges it with the key's existing windows.
     *
     * @return the window {@code window} ended up in: itself, or the window it merged into
     */
    TimeWindow add(TimeWindow window, MergeListener listener) {
        List<TimeWindow> all = new ArrayList<>(stateWindows.keySet());
        all.add(window);
        List<Merge> merges = new ArrayList<>();
        assigner.mergeWindows(all, (toBeMerged, mergeResult) -> merges.add(new Merge(new ArrayList<>(toBeMerged), mergeResult)));
        TimeWindow result = window;
        boolean mergedNew = false;
        for (Merge merge : merges) {
            List<TimeWindow> merged = merge.windows();
            if (merged.remove(window)) {
                mergedNew = true;
                result = merge.result();
            }
            TimeWindow keptStateWindow = stateWindows.get(merged.get(0));
            List<TimeWindow> mergedStateWindows = new ArrayList<>();
            for (TimeWindow m : merged) {
                TimeWindow stateWindow = stateWindows.remove(m);
                if (stateWindow != null && !stateWindow.equals(keptStateWindow)) {
                    mergedStateWindows.add(stateWindow);
                }
            }
            stateWindows.put(merge.result(), keptStateWindow);
            changed = true;
            // A new window that merely equals its merge result has no state or timers to merge.
            if (!(merged.size() == 1 && merged.get(0).equals(merge.result()))) {
                listener.merged(merge.result(), merged, keptStateWindow, mergedStateWindows);
            }
        }
        if (!mergedNew) {
            stateWindows.put(window, window);
            changed = true;
        }
        return result;
    }

    /** Forgets a window whose contents were cleared. */
    void retire(TimeWindow window) {
        if (stateWindows.remove(window) != null) {
            changed = true;
        }
    }

    /** Whether the set changed since it was loaded. */
    boolean changed() {
        return changed;
    }

    /** The windows and their state windows, to store. */
    Map<TimeWindow, TimeWindow> mapping() {
        return stateWindows;
    }

    private record Merge(List<TimeWindow> windows, TimeWindow result) {
    }
}
