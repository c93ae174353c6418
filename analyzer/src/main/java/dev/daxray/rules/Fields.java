package dev.daxray.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.daxray.events.EventSchema;

/**
 * The fields a rule's source offers (an event type, or another rule's findings): their names and
 * types, and how to read one from a fact.
 */
record Fields(Map<String, Class<?>> types, Function<String, Function<Fact, Object>> reader) {

    /** The fields of findings. */
    static Fields ofFindings() {
        return new Fields(FindingSchema.FIELDS, name -> fact -> fact.field(name));
    }

    /** The fields of an event type; read straight from the event when the fact is one. */
    static Fields of(EventSchema.Type type) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        type.fields().forEach(f -> types.put(f.name(), f.valueType()));
        return new Fields(types, name -> {
            EventSchema.Field field = type.field(name).orElseThrow();
            return fact -> fact instanceof EventFact e ? field.read(e.event()) : fact.field(name);
        });
    }
}
