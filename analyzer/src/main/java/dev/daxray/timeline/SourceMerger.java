package dev.daxray.timeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Events;
import dev.daxray.events.Ghes;
import dev.daxray.events.IpmiSel;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;
import dev.daxray.events.Source;

/**
 * One event reported by two inputs of a host (a dmesg line and the trace line of the same
 * tracepoint) becomes one event with both as evidence, so nothing is counted twice.
 *
 * <p>Two events are the same when they have the same type and key fields (below), the same boot
 * index and host, come from different inputs, and both carry a monotonic time no more than
 * {@link #TOLERANCE_MICROS} apart: dmesg and ftrace's default {@code local} clock share their base,
 * and the printk and the tracepoint of one event fire within microseconds of each other. The event
 * whose own fields have more values leads (the first in timeline order on a tie); the other's file
 * and line go to its {@code origin().also()}. Events of one input are never merged with each other: a repeat in one
 * capture is a real repeat. Key fields:
 * <ul>
 *   <li>{@code memory-failure}: pfn, page type, result;</li>
 *   <li>{@code mce}: cpu, bank, status, physical address;</li>
 *   <li>{@code edac}: memory controller, severity, physical address (when known);</li>
 *   <li>{@code ghes}: severity, physical address (when known);</li>
 *   <li>{@code ipmi-sel}: record id, event, state ({@code sel elist} and {@code sel get} of one record).</li>
 * </ul>
 * Other types are never merged.
 *
 * <p>Streaming: an event waits at most until events more than the tolerance later arrive (or another boot
 * starts), so memory holds the events of a 10 ms stretch, not the capture.
 */
final class SourceMerger implements Consumer<Event> {

    /** How far apart the two reports of one event may be. */
    static final long TOLERANCE_MICROS = 10_000;
    /** At most this many events wait for a possible twin; past it the oldest goes on as it is. */
    static final int WAITING_LIMIT = 65_536;

    /** An event on its way out: it may still absorb a twin, which can replace it (its origin moves later). */
    private static final class Slot {
        final long order;
        final List<Object> key;
        Event event;
        boolean closed;

        Slot(long order, List<Object> key, Event event) {
            this.order = order;
            this.key = key;
            this.event = event;
        }
    }

    private final Consumer<? super Event> out;
    private final PriorityQueue<Slot> waiting = new PriorityQueue<>(
            Comparator.comparing((Slot s) -> s.event).thenComparingLong(s -> s.order));
    private final Map<List<Object>, Deque<Slot>> recent = new HashMap<>();
    private long order;

    /** A merger that hands the events, merged and in timeline order, to {@code out}. */
    SourceMerger(Consumer<? super Event> out) {
        this.out = out;
    }

    /** {@code sorted} (timeline order) with duplicates across inputs merged; the order is kept. */
    static List<Event> merge(List<Event> sorted) {
        List<Event> merged = new ArrayList<>(sorted.size());
        SourceMerger merger = new SourceMerger(merged::add);
        sorted.forEach(merger);
        merger.finish();
        return merged;
    }

    /** The next event in timeline order. */
    @Override
    public void accept(Event event) {
        release(event);
        List<Object> key = key(event);
        Long micros = event.origin().micros();
        if (key == null || micros == null) {
            if (waiting.isEmpty()) {
                out.accept(event);      // nothing waits before it, and nothing can change it
            } else {
                waiting.add(new Slot(order++, null, event));
            }
            return;
        }
        Deque<Slot> candidates = recent.get(key);
        Slot twin = null;
        if (candidates != null) {
            while (!candidates.isEmpty() && (candidates.peekFirst().closed
                    || micros - candidates.peekFirst().event.origin().micros() > TOLERANCE_MICROS)) {
                candidates.pollFirst();
            }
            for (Slot c : candidates) {
                if (mergeable(c.event, event)) {
                    twin = c;
                    break;
                }
            }
        }
        if (twin == null) {
            Slot slot = new Slot(order++, key, event);
            recent.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(slot);
            waiting.add(slot);
            return;
        }
        Event kept = twin.event;
        if (known(event) > known(kept)) {
            // the report that says more leads; the other becomes its evidence
            List<Source> also = new ArrayList<>(kept.origin().also());
            also.add(0, kept.origin().source());
            replace(twin, Events.withOrigin(event, event.origin().alsoAt(also)));
        } else {
            replace(twin, Events.withOrigin(kept, kept.origin().alsoAt(List.of(event.origin().source()))));
        }
    }

    /** Hands out every event still waiting. */
    void finish() {
        while (!waiting.isEmpty()) {
            out.accept(waiting.poll().event);
        }
        recent.clear();
    }

    /** A slot's event changed (its origin can only move later): it takes its new place in the queue. */
    private void replace(Slot slot, Event event) {
        waiting.remove(slot);
        slot.event = event;
        waiting.add(slot);
    }

    /**
     * Hands out the waiting events that nothing from {@code next} on can change: no twin can come for them
     * any more (another boot, or more than the tolerance later), in order. Past {@link #WAITING_LIMIT}
     * the first waiting event goes on regardless.
     */
    private void release(Event next) {
        Origin n = next.origin();
        while (!waiting.isEmpty()) {
            Slot head = waiting.peek();
            Origin h = head.event.origin();
            boolean settled = head.key == null || h.boot() != n.boot()
                    || n.sortMicros() - h.micros() > TOLERANCE_MICROS;
            if (!settled && waiting.size() <= WAITING_LIMIT) {
                return;
            }
            waiting.poll();
            head.closed = true;
            if (head.key != null) {
                Deque<Slot> candidates = recent.get(head.key);
                if (candidates != null) {
                    candidates.remove(head);
                    if (candidates.isEmpty()) {
                        recent.remove(head.key);
                    }
                }
            }
            out.accept(head.event);
        }
    }

    /** How many of an event's own fields have a value. */
    private static long known(Event event) {
        return EventSchema.get().typeOf(event).ownFields().stream().filter(f -> f.read(event) != null).count();
    }

    /** A kept event absorbs at most one report per other input. */
    private static boolean mergeable(Event kept, Event candidate) {
        Origin k = kept.origin();
        Origin c = candidate.origin();
        return k.input() != c.input()
                && Math.abs(c.micros() - k.micros()) <= TOLERANCE_MICROS
                && k.also().stream().noneMatch(s -> s.file().equals(c.file()));
    }

    /** Type, boot, host and the type's key fields; null for events that are never merged. */
    private static List<Object> key(Event event) {
        List<Object> fields = null;
        if (event instanceof MemoryFailure m) {
            fields = list(m.pfn(), m.pageType(), m.result());
        } else if (event instanceof Mce m && m.status() != null) {
            fields = list(m.cpu(), m.bank(), m.status(), m.physAddr());
        } else if (event instanceof Edac e && e.physAddr() != null) {
            fields = list(e.mc(), e.severity(), e.physAddr());
        } else if (event instanceof Ghes g && g.physAddr() != null) {
            fields = list(g.severity(), g.physAddr());
        } else if (event instanceof IpmiSel s) {
            fields = list(s.record(), s.event(), s.state());
        }
        if (fields == null) {
            return null;
        }
        List<Object> key = new ArrayList<>();
        key.add(event.type());
        key.add(event.origin().boot());
        key.add(Objects.requireNonNullElse(event.origin().host(), ""));
        key.addAll(fields);
        return key;
    }

    private static List<Object> list(Object... values) {
        List<Object> list = new ArrayList<>();
        for (Object value : values) {
            list.add(value == null ? "" : value);
        }
        return list;
    }
}
