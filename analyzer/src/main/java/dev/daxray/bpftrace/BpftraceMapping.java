package dev.daxray.bpftrace;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;

/**
 * How one shape of bpftrace {@code printf} line becomes an event: the event type, constant field
 * values, and a template whose {@code {name:kind}} holes capture fields. See {@link BpftraceMappings}
 * for the file format. Thread-safe once built.
 *
 * @param source   where the mapping was declared ({@code one-liners.map:12}), for diagnostics
 * @param type     the event type made
 * @param template the template as written
 */
public record BpftraceMapping(String source, EventSchema.Type type, String template, Map<String, String> constants,
                              List<Hole> holes, Pattern pattern) {

    /** The value a printf line printed for the monotonic clock ({@code nsecs}); becomes the event's time. */
    public static final String TIME = "_time";
    /** A hole whose text is matched and dropped. */
    public static final String IGNORED = "_";
    /** Holes named {@code args.X} go into the event's {@code args} map (probe events). */
    public static final String ARGS_PREFIX = "args.";

    /** One {@code {name:kind}} hole. {@code choices} is set for {@code enum(a,b,c)}: the printed index picks one. */
    public record Hole(String name, String kind, List<String> choices) {
    }

    public BpftraceMapping {
        constants = Map.copyOf(constants);
        holes = List.copyOf(holes);
    }

    /** The event this line is, or empty when the line does not have this mapping's shape. */
    public Optional<Event> apply(String line, Origin where) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> args = new LinkedHashMap<>();
        Long micros = null;
        try {
            for (Map.Entry<String, String> constant : constants.entrySet()) {
                values.put(constant.getKey(), convert(constant.getKey(), constant.getValue()));
            }
            for (int i = 0; i < holes.size(); i++) {
                Hole hole = holes.get(i);
                String text = m.group(i + 1);
                if (hole.name().equals(IGNORED)) {
                    continue;
                }
                if (hole.name().equals(TIME)) {
                    micros = Long.parseLong(text) / 1000;
                } else if (hole.name().startsWith(ARGS_PREFIX)) {
                    args.put(hole.name().substring(ARGS_PREFIX.length()), text);
                } else {
                    String value = hole.choices().isEmpty() ? text : choice(hole, text);
                    values.put(hole.name(), convert(hole.name(), value));
                }
            }
        } catch (NumberFormatException | IndexOutOfBoundsException outOfRange) {
            return Optional.empty();
        }
        if (!args.isEmpty() || type.field("args").isPresent()) {
            values.put("args", args);
        }
        Origin origin = micros == null ? where
                : new Origin(where.file(), where.input(), where.line(), where.endLine(), where.text(), micros, micros,
                        where.wall(), where.boot(), where.host(), where.kernel());
        return Optional.of(build(origin, values));
    }

    private static String choice(Hole hole, String printed) {
        return hole.choices().get(Integer.parseInt(printed));
    }

    private Object convert(String field, String text) {
        Class<?> valueType = type.field(field).orElseThrow().valueType();
        if (valueType == Hex.class) {
            return Hex.parse(text);
        }
        if (valueType == Integer.class) {
            return Integer.valueOf(text);
        }
        if (valueType == Long.class) {
            return Long.valueOf(text);
        }
        return text;
    }

    private Event build(Origin origin, Map<String, Object> values) {
        Class<? extends Event> recordClass = type.recordClass();
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            arguments[i] = name.equals("origin") ? origin : values.get(name);
            if (arguments[i] == null && Map.class.isAssignableFrom(types[i])) {
                arguments[i] = Map.of();
            } else if (arguments[i] == null && List.class.isAssignableFrom(types[i])) {
                arguments[i] = List.of();
            }
        }
        try {
            Constructor<? extends Event> canonical = recordClass.getDeclaredConstructor(types);
            return canonical.newInstance(arguments);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build " + type.name(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(source + ": the mapped values do not make a " + type.name() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
