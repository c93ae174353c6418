package dev.daxray.timeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Events;
import dev.daxray.events.Origin;

/**
 * rasdaemon prints each event it records (its trace line) and inserts it into its database; a capture
 * that holds both (the daemon's log with a {@code sqlite3 .dump} of its table, corpus case 037) reports
 * one event twice, in one input. A database row is merged into the trace line's event when both have
 * the same type, own fields, host, boot and wall time (rasdaemon writes the same stamp in both); the
 * row becomes the event's {@code alsoAt}, in one input or across inputs. Rows are told by their text
 * ({@link #isRow}: a database row is shown as the {@code INSERT} that {@code sqlite3 .dump} prints for it);
 * other events are never merged here.
 *
 * <p>Streaming: both reports carry one wall time, so they are neighbours in timeline order; an event
 * waits until {@link #WINDOW} later events have passed, so memory holds a window, not the capture.
 */
final class RowMerger implements Consumer<Event> {

    /** How many events may lie between a row and its trace line in timeline order. */
    static final int WINDOW = 4096;

    /** An event on its way out; a row absorbed by its trace line is dropped. */
    private static final class Slot {
        Event event;
        final String key;
        final boolean row;
        boolean dropped;

        Slot(Event event, String key, boolean row) {
            this.event = event;
            this.key = key;
            this.row = row;
        }
    }

    private final Consumer<? super Event> out;
    private final Deque<Slot> waiting = new ArrayDeque<>();
    /** Waiting trace lines and rows without their twin yet, by key. */
    private final Map<String, Deque<Slot>> traced = new HashMap<>();
    private final Map<String, Deque<Slot>> rows = new HashMap<>();

    /** A merger that hands the events, merged and in the order given, to {@code out}. */
    RowMerger(Consumer<? super Event> out) {
        this.out = out;
    }

    /** An event read from a rasdaemon database or a dump of one. */
    static boolean isRow(Origin origin) {
        String text = origin.text();
        return text.regionMatches(true, 0, "INSERT INTO ", 0, "INSERT INTO ".length());
    }

    /** {@code sorted} (timeline order) with rows merged into their trace lines; the order is kept. */
    static List<Event> merge(List<Event> sorted) {
        List<Event> merged = new ArrayList<>(sorted.size());
        RowMerger merger = new RowMerger(merged::add);
        sorted.forEach(merger);
        merger.finish();
        return merged;
    }

    /** The next event in timeline order. */
    @Override
    public void accept(Event event) {
        if (event.origin().wall() == null) {
            if (waiting.isEmpty()) {
                out.accept(event);
            } else {
                enqueue(new Slot(event, null, false));
            }
            return;
        }
        boolean row = isRow(event.origin());
        String key = key(event);
        Slot twin = take(row ? traced : rows, key);
        if (twin == null) {
            Slot slot = new Slot(event, key, row);
            (row ? rows : traced).computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(slot);
            enqueue(slot);
        } else if (row) {
            twin.event = withRow(twin.event, event);
        } else {
            twin.dropped = true; // the row waits before its trace line: the trace line leads, in its own place
            Slot slot = new Slot(withRow(event, twin.event), key, false);
            enqueue(slot);
        }
    }

    /** Hands out every event still waiting. */
    void finish() {
        while (!waiting.isEmpty()) {
            release();
        }
    }

    private void enqueue(Slot slot) {
        waiting.addLast(slot);
        while (waiting.size() > WINDOW) {
            release();
        }
    }

    private void release() {
        Slot head = waiting.pollFirst();
        if (head.key != null) {
            Deque<Slot> same = (head.row ? rows : traced).get(head.key);
            if (same != null) {
                same.remove(head);
                if (same.isEmpty()) {
                    (head.row ? rows : traced).remove(head.key);
                }
            }
        }
        if (!head.dropped) {
            out.accept(head.event);
        }
    }

    /** The first waiting slot of {@code key} in {@code slots}, taken out of them. */
    private static Slot take(Map<String, Deque<Slot>> slots, String key) {
        Deque<Slot> same = slots.get(key);
        if (same == null) {
            return null;
        }
        Slot first = same.pollFirst();
        if (same.isEmpty()) {
            slots.remove(key);
        }
        return first;
    }

    private static Event withRow(Event kept, Event row) {
        return Events.withOrigin(kept, kept.origin().alsoAt(List.of(row.origin().source())));
    }

    private static String key(Event e) {
        Origin o = e.origin();
        StringBuilder key = new StringBuilder(e.type()).append('|')
                .append(Objects.requireNonNullElse(o.host(), "")).append('|').append(o.boot()).append('|').append(o.wall());
        for (EventSchema.Field f : EventSchema.get().typeOf(e).ownFields()) {
            key.append('|').append(f.read(e));
        }
        return key.toString();
    }
}
