package dev.daxray.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/** Copies an event with another {@link Origin}, whatever its record type. */
public final class Reorigin {

    private Reorigin() {
    }

    public static Event with(Event event, Origin origin) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals("origin") ? origin : components[i].getAccessor().invoke(event);
            }
            Constructor<?> canonical = event.getClass().getDeclaredConstructor(types);
            return (Event) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + event.getClass().getSimpleName(), e);
        }
    }

    /** The same event credited to input number {@code input} of the run. */
    public static Event withInput(Event event, int input) {
        Origin o = event.origin();
        return with(event, new Origin(o.file(), input, o.line(), o.endLine(), o.text(), o.micros(), o.sortMicros(),
                o.wall(), o.boot(), o.host(), o.kernel()));
    }
}
