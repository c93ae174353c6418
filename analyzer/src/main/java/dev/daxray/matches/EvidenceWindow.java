package dev.daxray.matches;

import java.util.ArrayList;
import java.util.List;

import dev.daxray.events.Origin;

/**
 * The first {@code head} and last {@code tail} of a set of evidence lines in timeline order, whatever
 * order they are added in, without keeping the rest: an incident shows these and counts the others.
 * Windows of disjoint sets merge exactly (the first lines of a union are among the first lines of its
 * parts).
 */
public final class EvidenceWindow {

    private final int head;
    private final int tail;
    /** The smallest origins seen, ascending, at most {@code head}. */
    private final List<Origin> first = new ArrayList<>();
    /** The largest origins seen, ascending, at most {@code tail}. */
    private final List<Origin> last = new ArrayList<>();
    private long count;

    public EvidenceWindow(int head, int tail) {
        this.head = head;
        this.tail = tail;
    }

    public void add(Origin origin) {
        count++;
        insert(first, origin, head, true);
        insert(last, origin, tail, false);
    }

    /** Adds the lines of another window whose set is disjoint from this one's. */
    public void addAll(EvidenceWindow other) {
        count += other.count;
        other.first.forEach(o -> insert(first, o, head, true));
        other.last.forEach(o -> insert(last, o, tail, false));
        // a line in other's first list may belong to this tail (and the reverse): both lists saw both
        other.last.forEach(o -> insert(first, o, head, true));
        other.first.forEach(o -> insert(last, o, tail, false));
    }

    public long count() {
        return count;
    }

    /** The lines shown: the first {@code head} and last {@code tail}, in order, each once. */
    public List<Origin> shown() {
        List<Origin> out = new ArrayList<>(first);
        for (Origin o : last) {
            if (out.isEmpty() || o.compareTo(out.get(out.size() - 1)) > 0) {
                out.add(o);
            }
        }
        if (count <= head + tail) {
            return out;
        }
        // more lines than shown: the tail may not overlap the head
        List<Origin> trimmed = new ArrayList<>(first);
        trimmed.addAll(last.subList(Math.max(0, last.size() - tail), last.size()));
        return trimmed;
    }

    private static void insert(List<Origin> list, Origin origin, int limit, boolean smallest) {
        for (Origin o : list) {
            if (o == origin) {
                return;
            }
        }
        int i = list.size();
        while (i > 0 && list.get(i - 1).compareTo(origin) > 0) {
            i--;
        }
        list.add(i, origin);
        if (list.size() > limit) {
            list.remove(smallest ? list.size() - 1 : 0);
        }
    }
}
