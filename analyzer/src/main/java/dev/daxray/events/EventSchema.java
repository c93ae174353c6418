package dev.daxray.events;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields of every event type, read once from the record components of {@link Event}'s
 * permitted records. The JSONL writer and the rule binder both use it, so a field added to a record
 * is written and matchable without further code.
 *
 * <p>Every type also has the common fields {@code file}, {@code line}, {@code time}, {@code wall},
 * {@code boot}, {@code host}, {@code kernel} and {@code text}, taken from its {@link Origin}. A component
 * marked {@link PageAddress} is followed by a derived {@code pfn} field, its page ({@link Pages}).
 */
public final class EventSchema {

    /** A field an event type has: its name, its value type, and how to read it. */
    public record Field(String name, Class<?> valueType, Function<Event, Object> reader) {
        public Object read(Event event) {
            return reader.apply(event);
        }
    }

    /** One event type: its {@code type} name, description, record class and fields in order. */
    public record Type(String name, String description, Class<? extends Event> recordClass, List<Field> fields) {
        public Type {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
        }

        /** The fields of the record itself, without the common origin fields. */
        public List<Field> ownFields() {
            return fields.subList(COMMON.size(), fields.size());
        }
    }

    /** Fields every event has, from its origin. */
    public static final List<Field> COMMON = List.of(
            new Field("file", String.class, e -> e.origin().file()),
            new Field("line", Long.class, e -> e.origin().line()),
            new Field("time", BigDecimal.class, e -> seconds(e.origin().micros())),
            new Field("wall", String.class, e -> e.origin().wall()),
            new Field("boot", Integer.class, e -> e.origin().boot()),
            new Field("host", String.class, e -> e.origin().host()),
            new Field("kernel", String.class, e -> e.origin().kernel()),
            new Field("text", String.class, e -> e.origin().text()));

    private static final EventSchema INSTANCE = new EventSchema();

    private final Map<String, Type> byName;
    private final Map<Class<?>, Type> byClass;

    private EventSchema() {
        Map<String, Type> names = new LinkedHashMap<>();
        Map<Class<?>, Type> classes = new LinkedHashMap<>();
        for (Class<?> permitted : Event.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends Event> recordClass = (Class<? extends Event>) permitted;
            Type type = typeOf(recordClass);
            names.put(type.name(), type);
            classes.put(recordClass, type);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byClass = Collections.unmodifiableMap(classes);
    }

    public static EventSchema get() {
        return INSTANCE;
    }

    /** All types, in the order {@link Event} permits them. */
    public List<Type> types() {
        return List.copyOf(byName.values());
    }

    public Optional<Type> type(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Type typeOf(Event event) {
        return byClass.get(event.getClass());
    }

    /** Monotonic microseconds as seconds with six decimals, the way dmesg prints them. */
    public static BigDecimal seconds(Long micros) {
        return micros == null ? null : BigDecimal.valueOf(micros, 6);
    }

    private static Type typeOf(Class<? extends Event> recordClass) {
        EventType annotation = recordClass.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalStateException(recordClass + " lacks @EventType");
        }
        List<Field> fields = new ArrayList<>(COMMON);
        for (RecordComponent component : recordClass.getRecordComponents()) {
            if (component.getName().equals("origin")) {
                continue;
            }
            ComponentReader reader = new ComponentReader(component.getAccessor());
            fields.add(new Field(component.getName(), boxed(component.getType()), reader));
            if (component.isAnnotationPresent(PageAddress.class)) {
                fields.add(new Field("pfn", Hex.class,
                        event -> Pages.pfn((Hex) reader.apply(event), event.origin().kernel())));
            }
        }
        return new Type(annotation.value(), annotation.description(), recordClass, fields);
    }

    /** Reads one record component; its reader is made on the first read (most fields are never read). */
    private static final class ComponentReader implements Function<Event, Object> {
        private final Method accessor;
        private Function<Event, Object> reader;

        ComponentReader(Method accessor) {
            this.accessor = accessor;
        }

        @Override
        public Object apply(Event event) {
            Function<Event, Object> r = reader;
            if (r == null) {
                r = Events.reader(accessor);
                reader = r;     // a race makes a second reader, no harm
            }
            return r.apply(event);
        }
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }
}
