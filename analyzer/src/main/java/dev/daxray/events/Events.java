package dev.daxray.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** Operations over any event record. */
public final class Events {

    private Events() {
    }

    /** The same event with another origin (the record's own fields unchanged). */
    public static Event withOrigin(Event event, Origin origin) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals("origin") ? origin
                        : components[i].getAccessor().invoke(event);
            }
            Constructor<?> canonical = event.getClass().getDeclaredConstructor(types);
            return (Event) canonical.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot copy " + event.getClass().getSimpleName(), e);
        }
    }
}
