package dev.daxray.timeline;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;

/**
 * Writes events to a spill file and reads them back, whatever their type: each record is written
 * component by component from its canonical shape (a field added to an event record needs no code here).
 * Only the timeline's {@link EventStore} uses it, for runs too large to keep in memory; the format is
 * private to one process run.
 */
final class EventCodec {

    /**
     * A record type's components and how to read and build it; the handles take and give Object (and
     * Object[] for the constructor), so calls are exact and cheap.
     */
    private record Shape(Class<?> type, MethodHandle[] accessors, Class<?>[] classes, Type[] generics,
                         MethodHandle constructor) {
    }

    private static final List<Class<?>> TYPES = List.of(Event.class.getPermittedSubclasses());
    private static final Map<Class<?>, Shape> SHAPES = new HashMap<>();

    static {
        for (Class<?> type : TYPES) {
            shape(type);
        }
    }

    private EventCodec() {
    }

    static void write(DataOutput out, Event event) throws IOException {
        out.writeByte(TYPES.indexOf(event.getClass()));
        writeRecord(out, event);
    }

    static Event read(DataInput in) throws IOException {
        return (Event) readRecord(in, TYPES.get(in.readUnsignedByte()));
    }

    private static Shape shape(Class<?> type) {
        Shape known = SHAPES.get(type);
        if (known != null) {
            return known;
        }
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] accessors = new MethodHandle[components.length];
        Class<?>[] classes = new Class<?>[components.length];
        Type[] generics = new Type[components.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < components.length; i++) {
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                classes[i] = components[i].getType();
                generics[i] = components[i].getGenericType();
            }
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, classes))
                    .asSpreader(Object[].class, classes.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            Shape shape = new Shape(type, accessors, classes, generics, constructor);
            SHAPES.put(type, shape);
            for (int i = 0; i < classes.length; i++) {
                if (classes[i].isRecord()) {
                    shape(classes[i]);
                }
                if (generics[i] instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
                        && c.isRecord()) {
                    shape(c);
                }
            }
            return shape;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot spill " + type.getSimpleName(), e);
        }
    }

    private static void writeRecord(DataOutput out, Object record) throws IOException {
        Shape shape = SHAPES.get(record.getClass());
        try {
            for (int i = 0; i < shape.accessors.length; i++) {
                writeValue(out, shape.classes[i], shape.generics[i], (Object) shape.accessors[i].invokeExact(record));
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot spill " + shape.type.getSimpleName(), e);
        }
    }

    private static Object readRecord(DataInput in, Class<?> type) throws IOException {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.classes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(in, shape.classes[i], shape.generics[i]);
        }
        try {
            return (Object) shape.constructor.invokeExact(values);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read back " + type.getSimpleName(), e);
        }
    }

    private static void writeValue(DataOutput out, Class<?> type, Type generic, Object value) throws IOException {
        if (type == int.class) {
            out.writeInt((Integer) value);
        } else if (type == long.class) {
            out.writeLong((Long) value);
        } else if (type == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (value == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            if (type == String.class) {
                writeString(out, (String) value);
            } else if (type == Integer.class) {
                out.writeInt((Integer) value);
            } else if (type == Long.class) {
                out.writeLong((Long) value);
            } else if (type == Hex.class) {
                out.writeLong(((Hex) value).value());
            } else if (type == BigDecimal.class) {
                writeString(out, value.toString());
            } else if (type == List.class) {
                Class<?> element = argument(generic, 0);
                List<?> list = (List<?>) value;
                out.writeInt(list.size());
                for (Object item : list) {
                    writeValue(out, element, element, item);
                }
            } else if (type == Map.class) {
                Map<?, ?> map = (Map<?, ?>) value;
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    writeString(out, (String) e.getKey());
                    writeValue(out, String.class, String.class, e.getValue());
                }
            } else if (type.isRecord()) {
                writeRecord(out, value);
            } else {
                throw new IllegalStateException("cannot spill a " + type.getSimpleName());
            }
        }
    }

    private static Object readValue(DataInput in, Class<?> type, Type generic) throws IOException {
        if (type == int.class) {
            return in.readInt();
        } else if (type == long.class) {
            return in.readLong();
        } else if (type == boolean.class) {
            return in.readBoolean();
        } else if (!in.readBoolean()) {
            return null;
        } else if (type == String.class) {
            return readString(in);
        } else if (type == Integer.class) {
            return in.readInt();
        } else if (type == Long.class) {
            return in.readLong();
        } else if (type == Hex.class) {
            return new Hex(in.readLong());
        } else if (type == BigDecimal.class) {
            return new BigDecimal(readString(in));
        } else if (type == List.class) {
            Class<?> element = argument(generic, 0);
            int size = in.readInt();
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(readValue(in, element, element));
            }
            return list;
        } else if (type == Map.class) {
            int size = in.readInt();
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(readString(in), readValue(in, String.class, String.class));
            }
            return map;
        }
        return readRecord(in, type);
    }

    private static Class<?> argument(Type generic, int index) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[index] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("cannot spill a list of " + generic);
    }

    private static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
