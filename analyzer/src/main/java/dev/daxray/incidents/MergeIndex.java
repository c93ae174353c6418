package dev.daxray.incidents;

import java.util.LinkedHashMap;
import java.util.List;
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

    /** The latest incident with a key, and the span of the run of findings with it. */
    static final class Entry {
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

    /**
     * The entry of each of a finding's keys, or null where a key has none, looked up once for both
     * {@link #reach} and {@link #record}; the keys count as used now.
     */
    Entry[] find(List<MergeKey> keys) {
        Entry[] found = new Entry[keys.size()];
        for (int i = 0; i < found.length; i++) {
            found[i] = entries.get(keys.get(i));
        }
        return found;
    }

    /**
     * The incident a finding spanning {@code start}..{@code end} (micros, null untimed) joins by {@code key},
     * whose entry {@link #find} gave as {@code e}.
     */
    static IncidentDraft reach(MergeKey key, Entry e, Long start, Long end) {
        return e != null && near(key.clause(), e, start, end) ? e.draft.root() : null;
    }

    /**
     * Records that the finding spanning {@code start}..{@code end} with {@code key} is in {@code draft};
     * {@code e} is the key's entry as {@link #find} gave it.
     */
    void record(MergeKey key, Entry e, IncidentDraft draft, Long start, Long end) {
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
