package dev.daxray.incidents;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest incident seen with each merge key, and when: a new finding with the key joins it when the
 * key's clause reaches that far (the gap between the two is at most {@link Clause#reachMicros()}; an
 * untimed side always reaches within the boot). A finding that does not reach starts the key's entry
 * anew, so a key names the last run of findings that had it.
 *
 * <p>Bounded: at most {@link #LIMIT} keys are kept, the least recently used dropped first (a page hit
 * again after 16,384 other keys were used starts a new incident).
 */
final class MergeIndex {

    static final int LIMIT = 16_384;

    private static final class Entry {
        IncidentDraft draft;
        Long start;
        Long end;

        Entry(IncidentDraft draft, Long start, Long end) {
            this.draft = draft;
            this.start = start;
            this.end = end;
        }
    }

    private final Map<MergeKey, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MergeKey, Entry> eldest) {
            return size() > LIMIT;
        }
    };

    /** The incident a finding spanning {@code start}..{@code end} (micros, null untimed) joins by {@code key}. */
    IncidentDraft reach(MergeKey key, Long start, Long end) {
        Entry e = entries.get(key);
        return e != null && near(key.clause(), e, start, end) ? e.draft.root() : null;
    }

    /** Records that the finding spanning {@code start}..{@code end} with {@code key} is in {@code draft}. */
    void record(MergeKey key, IncidentDraft draft, Long start, Long end) {
        Entry e = entries.get(key);
        if (e == null || !near(key.clause(), e, start, end)) {
            entries.put(key, new Entry(draft, start, end));
            return;
        }
        e.draft = draft;
        e.start = e.start == null ? start : start == null ? e.start : Long.valueOf(Math.min(e.start, start));
        e.end = e.end == null ? end : end == null ? e.end : Long.valueOf(Math.max(e.end, end));
    }

    private static boolean near(Clause clause, Entry e, Long start, Long end) {
        Long reach = clause.reachMicros();
        if (reach == null || start == null || end == null || e.start == null || e.end == null) {
            return true;
        }
        long gap = Math.max(0, Math.max(start - e.end, e.start - end));
        return gap <= reach;
    }
}
