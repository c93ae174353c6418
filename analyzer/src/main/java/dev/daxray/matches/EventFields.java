package dev.daxray.matches;

import java.util.Locale;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;

/** Reading an event's fields by name, for code that looks at every type alike (incident tallies, merge keys). */
public final class EventFields {

    private EventFields() {
    }

    public static Object value(Event e, String field) {
        return EventSchema.get().typeOf(e).field(field).map(f -> f.read(e)).orElse(null);
    }

    public static Hex hex(Event e, String field) {
        return value(e, field) instanceof Hex h ? h : null;
    }

    /** True for a corrected error (its severity says corrected, or EDAC's {@code CE}). */
    public static boolean corrected(Event e) {
        Object severity = value(e, "severity");
        if (severity == null) {
            return false;
        }
        String s = severity.toString().toLowerCase(Locale.ROOT);
        return s.contains("corrected") && !s.contains("uncorrected") || s.equals("ce");
    }
}
