package dev.daxray.timeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 */
final class SourceMerger {

    /** How far apart the two reports of one event may be. */
    static final long TOLERANCE_MICROS = 10_000;

    private SourceMerger() {
    }

    /** {@code sorted} (timeline order) with duplicates across inputs merged; the order is kept. */
    static List<Event> merge(List<Event> sorted) {
        List<Event> out = new ArrayList<>(sorted.size());
        Map<List<Object>, Deque<Integer>> recent = new HashMap<>();
        for (Event event : sorted) {
            List<Object> key = key(event);
            Long micros = event.origin().micros();
            if (key == null || micros == null) {
                out.add(event);
                continue;
            }
            Deque<Integer> candidates = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!candidates.isEmpty() && micros - out.get(candidates.peekFirst()).origin().micros() > TOLERANCE_MICROS) {
                candidates.pollFirst();
            }
            Integer twin = candidates.stream().filter(i -> mergeable(out.get(i), event)).findFirst().orElse(null);
            if (twin == null) {
                candidates.addLast(out.size());
                out.add(event);
            } else {
                Event kept = out.get(twin);
                if (known(event) > known(kept)) {
                    // the report that says more leads; the other becomes its evidence
                    List<Source> also = new ArrayList<>(kept.origin().also());
                    also.add(0, kept.origin().source());
                    out.set(twin, Events.withOrigin(event, event.origin().alsoAt(also)));
                } else {
                    out.set(twin, Events.withOrigin(kept, kept.origin().alsoAt(List.of(event.origin().source()))));
                }
            }
        }
        out.sort(null);
        return out;
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
