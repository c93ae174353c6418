package dev.daxray.matches;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Distinct page numbers (unsigned), counted exactly up to a limit: past it, further pages are no longer
 * told apart, and only the lowest and highest page stay exact. So a burst over a million pages costs the
 * limit, not the pages.
 */
public final class PageSet {

    private final int limit;
    private final Set<Long> pages = new HashSet<>();
    private boolean overflowed;
    private boolean any;
    private long min;
    private long max;

    public PageSet(int limit) {
        this.limit = limit;
    }

    public void add(long page) {
        if (!any) {
            min = page;
            max = page;
            any = true;
        } else {
            min = Long.compareUnsigned(page, min) < 0 ? page : min;
            max = Long.compareUnsigned(page, max) > 0 ? page : max;
        }
        if (pages.size() < limit) {
            pages.add(page);
        } else if (!pages.contains(page)) {
            overflowed = true;
        }
    }

    public void addAll(PageSet other) {
        if (other.overflowed) {
            overflowed = true;
            add(other.min);
            add(other.max);
        }
        other.pages.forEach(this::add);
    }

    public boolean contains(long page) {
        return pages.contains(page);
    }

    public PageSet copy() {
        PageSet out = new PageSet(limit);
        out.addAll(this);
        return out;
    }

    /** Distinct pages, exact unless {@link #exact()} is false (then at least this many). */
    public long count() {
        return pages.size() + (overflowed ? 1 : 0);
    }

    public boolean exact() {
        return !overflowed;
    }

    /** The count in words: "9", or "more than 65536". */
    public String countText() {
        return overflowed ? "more than " + pages.size() : Long.toString(pages.size());
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** The lowest {@code n} pages, ascending. */
    public List<Long> lowest(int n) {
        List<Long> all = new ArrayList<>(pages);
        all.sort(Long::compareUnsigned);
        return all.subList(0, Math.min(n, all.size()));
    }
}
