package dev.daxray.matches;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;

/** Reading an event's fields by name, for code that looks at every type alike (incident tallies, merge keys). */
public final class EventFields {

    private EventFields() {
    }

    /** Each event type's fields by name, looked up once per type. */
    private static final ClassValue<Map<String, EventSchema.Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, EventSchema.Field> computeValue(Class<?> type) {
            Map<String, EventSchema.Field> byName = new HashMap<>();
            EventSchema.get().types().stream().filter(t -> t.recordClass() == type).findFirst()
                    .ifPresent(t -> t.fields().forEach(f -> byName.put(f.name(), f)));
            return byName;
        }
    };

    public static Object value(Event e, String field) {
        EventSchema.Field f = FIELDS.get(e.getClass()).get(field);
        return f == null ? null : f.read(e);
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
