package dev.daxray.matches;

import java.util.PriorityQueue;

/**
 * When each open partial match of one rule runs out (the end of its {@code within} window, or of the
 * {@code not} step it waits on), earliest first, so the clock expires exactly the partials that are due.
 * A partial that completes early leaves its entry behind until the deadline passes; when such entries
 * outnumber the open partials they are dropped, so the queue stays the size of the open partials.
 */
final class Deadlines {

    private record Entry(long deadline, long seq, Partial partial) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();

    /** {@code p} now runs out at {@code deadline} (null: only its boot or the input ends it). */
    void set(Partial p, Long deadline) {
        if (deadline != null && !deadline.equals(p.deadline)) {
            p.deadline = deadline;
            queue.add(new Entry(deadline, p.seq, p));
        }
    }

    /** The next open partial whose deadline is before {@code micros}, or null. */
    Partial due(long micros) {
        while (!queue.isEmpty() && queue.peek().deadline < micros) {
            Entry e = queue.poll();
            Partial p = e.partial;
            if (!p.done && p.deadline != null && p.deadline == e.deadline) {
                return p;
            }
        }
        return null;
    }

    /** Drops the entries of partials that ended before their deadline, when they outnumber {@code open}. */
    void compact(int open) {
        if (queue.size() > 2 * open + 1024) {
            queue.removeIf(e -> e.partial.done || !Long.valueOf(e.deadline).equals(e.partial.deadline));
        }
    }

    void clear() {
        queue.clear();
    }
}
