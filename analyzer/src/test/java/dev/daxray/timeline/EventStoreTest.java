package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.events.Source;
import dev.daxray.events.Sigbus;

/** Large runs are sorted on disk: the order, ties and every field survive the trip. */
class EventStoreTest {

    @Test
    void everyEventTypeSurvivesTheSpillFormat() throws Exception {
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            for (boolean empty : new boolean[] {false, true}) {
                Event event = sample(type, empty);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                EventCodec.write(new DataOutputStream(bytes), event);
                Event back = EventCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                assertEquals(event, back, type.getSimpleName());
            }
        }
    }

    @Test
    void spilledRunsComeBackInTimelineOrderWithTiesInTheOrderAdded() {
        Random random = new Random(7);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // mostly in order, some late, many equal times: what captures look like
            long micros = i * 10L + (random.nextInt(10) == 0 ? -random.nextInt(500) : 0) - i % 3;
            events.add(new Sigbus(new Origin("f", random.nextInt(3), 1 + i % 50, 1 + i % 50, "t" + i, micros,
                    Math.max(0, micros), null, i / 1000, null, null), new Hex(i), "p" + i, i, "sigbus", null));
        }
        List<Event> expected = new ArrayList<>(events);
        expected.sort(null);
        try (EventStore store = new EventStore(7)) {
            events.forEach(store::add);
            assertTrue(store.runs() > 1, "spilled to disk");
            List<Event> out = new ArrayList<>();
            store.forEach(out::add);
            assertEquals(expected, out);
            List<Event> again = new ArrayList<>();
            store.forEach(again::add);
            assertEquals(expected, again, "a store may be read twice");
        }
    }

    @Test
    void manyRunsAreMergedIntoFewFiles() {
        try (EventStore store = new EventStore(2)) {
            for (int i = 0; i < 2 * EventStore.FAN_IN * 3; i++) {
                store.add(new Sigbus(new Origin("f", 0, i + 1, i + 1, "t", (long) i, i, null, 0, null, null),
                        new Hex(i), "p", 1, "sigbus", null));
            }
            assertTrue(store.runs() < EventStore.FAN_IN, "runs: " + store.runs());
            long[] last = {-1};
            store.forEach(e -> {
                assertTrue(e.origin().sortMicros() > last[0]);
                last[0] = e.origin().sortMicros();
            });
        }
    }

    /** An event of {@code type} with every component set (or every nullable one null). */
    private static Event sample(Class<?> type, boolean empty) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i], empty);
        }
        return (Event) type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(RecordComponent c, boolean empty) {
        Class<?> t = c.getType();
        if (t == Origin.class) {
            return new Origin("dmesg.log", 2, 10, 12, "[  1.0] text ü", empty ? null : 1_000_000L, 1_000_000L,
                    empty ? null : "2026-11-21T08:00:00", 1, empty ? null : "host", empty ? null : "6.8.0",
                    empty ? List.of() : List.of(new Source("trace.txt", 3, "other")));
        }
        if (t == int.class) {
            return 7;
        }
        if (t == boolean.class) {
            return true;
        }
        if (t == long.class) {
            return 9L;
        }
        if (empty) {
            return t == List.class ? List.of() : t == Map.class ? Map.of() : null;
        }
        if (t == String.class) {
            return c.getName() + " value";
        }
        if (t == Integer.class) {
            return 42;
        }
        if (t == Long.class) {
            return -5L;
        }
        if (t == Hex.class) {
            return new Hex(0xfedcba9876543210L);
        }
        if (t == BigDecimal.class) {
            return new BigDecimal("41.50");
        }
        if (t == List.class) {
            return ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0] == String.class
                    ? List.of("a", "b") : List.of();
        }
        if (t == Map.class) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("z", "1");
            m.put("a", "2");
            return m;
        }
        throw new IllegalStateException("no sample for " + t);
    }
}
