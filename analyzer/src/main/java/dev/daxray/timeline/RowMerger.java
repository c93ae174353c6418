package dev.daxray.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * other events of one input are never merged.
 */
final class RowMerger {

    private RowMerger() {
    }

    /** An event read from a rasdaemon database or a dump of one. */
    static boolean isRow(Origin origin) {
        String text = origin.text();
        return text.regionMatches(true, 0, "INSERT INTO ", 0, "INSERT INTO ".length());
    }

    static List<Event> merge(List<Event> sorted) {
        Map<String, Integer> traced = new HashMap<>();
        List<Event> out = new ArrayList<>(sorted.size());
        List<Event> rows = new ArrayList<>();
        for (Event e : sorted) {
            if (e.origin().wall() != null && isRow(e.origin())) {
                rows.add(e);
            } else {
                if (e.origin().wall() != null) {
                    traced.putIfAbsent(key(e), out.size());
                }
                out.add(e);
            }
        }
        if (rows.isEmpty()) {
            return sorted;
        }
        for (Event row : rows) {
            Integer twin = traced.remove(key(row));
            if (twin == null) {
                out.add(row);
            } else {
                Event kept = out.get(twin);
                out.set(twin, Events.withOrigin(kept, kept.origin().alsoAt(List.of(row.origin().source()))));
            }
        }
        out.sort(null);
        return out;
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
