package dev.daxray.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Operations over any event record. */
public final class Events {

    /** Each record type's copier, made the first time an event of that type is copied. */
    private static final ClassValue<Copier> COPIERS = new ClassValue<>() {
        @Override
        protected Copier computeValue(Class<?> type) {
            return Copier.of(type);
        }
    };

    private Events() {
    }

    /** The same event with another origin (the record's own fields unchanged). */
    public static Event withOrigin(Event event, Origin origin) {
        return COPIERS.get(event.getClass()).copy(event, origin);
    }

    /**
     * Reads {@code accessor} of an event record through a method handle: a storm copies and reads millions of
     * events, and reflection's {@code Method.invoke} costs an access check per call and a generated accessor
     * class per method.
     */
    static Function<Event, Object> reader(Method accessor) {
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Event.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
        return event -> {
            try {
                return (Object) handle.invokeExact(event);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            }
        };
    }

    /** A record type's accessors and canonical constructor. */
    private record Copier(Class<?> type, List<Function<Event, Object>> accessors, int originIndex,
                          MethodHandle constructor) {

        static Copier of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<Function<Event, Object>> accessors = new ArrayList<>();
            Class<?>[] types = new Class<?>[components.length];
            int originIndex = -1;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean origin = components[i].getName().equals("origin");
                originIndex = origin ? i : originIndex;
                accessors.add(origin ? null : reader(components[i].getAccessor()));
            }
            try {
                MethodHandle constructor = MethodHandles.publicLookup()
                        .findConstructor(type, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, types.length)
                        .asType(MethodType.methodType(Event.class, Object[].class));
                return new Copier(type, accessors, originIndex, constructor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot copy " + type.getSimpleName(), e);
            }
        }

        Event copy(Event event, Origin origin) {
            Object[] values = new Object[accessors.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = i == originIndex ? origin : accessors.get(i).apply(event);
            }
            try {
                return (Event) constructor.invokeExact(values);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot copy " + type.getSimpleName(), e);
            }
        }
    }
}
