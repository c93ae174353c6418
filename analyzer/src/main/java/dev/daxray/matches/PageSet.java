package dev.daxray.matches;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Distinct page numbers, kept as runs of consecutive pages: a burst over a million consecutive pages is one
 * run. Counted exactly while the pages form at most {@link #RUNS} runs; past that a page outside the runs
 * is no longer told apart, the count becomes a lower bound ({@link #exact()} false) and only the lowest
 * and highest page stay exact. Page numbers are below 2^63 (a pfn is an address >> 12 or more).
 */
public final class PageSet {

    /** Runs of consecutive pages kept. */
    public static final int RUNS = 4_096;

    /** first page of a run → last page of it. */
    private final TreeMap<Long, Long> runs = new TreeMap<>();
    private long count;
    private boolean overflowed;
    private long min = Long.MAX_VALUE;
    private long max = -1;

    public void add(long page) {
        add(page, page);
    }

    /** Adds the pages {@code first} to {@code last}, joining the runs they touch. */
    public void add(long first, long last) {
        min = Math.min(min, first);
        max = Math.max(max, last);
        long start = first;
        long end = last;
        long had = 0;
        Map.Entry<Long, Long> before = runs.floorEntry(first);
        if (before != null && before.getValue() >= first - 1) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        } else {
            before = null;
        }
        List<Long> joined = new ArrayList<>();
        if (before != null) {
            joined.add(before.getKey());
        }
        for (Map.Entry<Long, Long> next = before != null ? runs.higherEntry(before.getKey()) : runs.ceilingEntry(first);
             next != null && next.getKey() <= end + 1; next = runs.higherEntry(next.getKey())) {
            joined.add(next.getKey());
            end = Math.max(end, next.getValue());
        }
        if (joined.isEmpty() && runs.size() >= RUNS) {
            overflowed = true;
            return;
        }
        for (Long key : joined) {
            had += runs.remove(key) - key + 1;
        }
        runs.put(start, end);
        count += end - start + 1 - had;
    }

    public void addAll(PageSet other) {
        other.runs.forEach(this::add);
        if (other.overflowed) {
            overflowed = true;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }
    }

    public boolean contains(long page) {
        Map.Entry<Long, Long> run = runs.floorEntry(page);
        return run != null && run.getValue() >= page;
    }

    public PageSet copy() {
        PageSet out = new PageSet();
        out.runs.putAll(runs);
        out.count = count;
        out.overflowed = overflowed;
        out.min = min;
        out.max = max;
        return out;
    }

    /** Distinct pages: exact unless {@link #exact()} is false, then at least this many. */
    public long count() {
        return count;
    }

    public boolean exact() {
        return !overflowed;
    }

    /** The count in words: "9", or "more than 4096". */
    public String countText() {
        return overflowed ? "more than " + count : Long.toString(count);
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** The lowest {@code n} pages, ascending. */
    public List<Long> lowest(int n) {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, Long> run : runs.entrySet()) {
            for (long p = run.getKey(); p <= run.getValue() && out.size() < n; p++) {
                out.add(p);
            }
            if (out.size() >= n) {
                break;
            }
        }
        return out;
    }
}
