package dev.daxray.output;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;
import dev.daxray.events.Source;

/**
 * Writes events as JSON Lines, one object per event, per the documented contract: {@code type},
 * the origin fields ({@code file}, {@code line}, {@code endLine} for multi-line events,
 * {@code time}, {@code wall}, {@code boot}, {@code host}, {@code kernel}), the event's own fields in
 * record order, {@code alsoAt} (other lines that reported the same event, only when there are any),
 * and last the raw {@code text} of its first line. Absent values are left out; hex
 * values are lowercase strings with {@code 0x}; {@code time} is seconds with six decimals.
 */
public final class EventJsonWriter implements AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();
    /** The origin fields written after file and line, looked up once rather than per event. */
    private static final List<EventSchema.Field> ORIGIN_FIELDS = List.of("time", "wall", "boot", "host", "kernel").stream()
            .map(name -> EventSchema.COMMON.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow())
            .toList();

    private final JsonGenerator json;
    private final Writer out;

    public EventJsonWriter(Writer out) throws IOException {
        this.out = out;
        this.json = FACTORY.createGenerator(out);
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        // No separator between root values: Jackson's default (a space) would start every line after the first.
        this.json.setRootValueSeparator(null);
    }

    public void write(Event event) throws IOException {
        EventSchema.Type type = EventSchema.get().typeOf(event);
        json.writeStartObject();
        json.writeStringField("type", type.name());
        json.writeStringField("file", event.origin().file());
        json.writeNumberField("line", event.origin().line());
        if (event.origin().endLine() != event.origin().line()) {
            json.writeNumberField("endLine", event.origin().endLine());
        }
        for (EventSchema.Field common : ORIGIN_FIELDS) {
            writeField(common.name(), common.read(event));
        }
        for (EventSchema.Field field : type.ownFields()) {
            writeField(field.name(), field.read(event));
        }
        if (!event.origin().also().isEmpty()) {
            json.writeArrayFieldStart("alsoAt");
            for (Source source : event.origin().also()) {
                json.writeStartObject();
                json.writeStringField("file", source.file());
                json.writeNumberField("line", source.line());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeStringField("text", event.origin().text());
        json.writeEndObject();
        // Through the generator, not flushed: a flush per event was a write system call per event.
        json.writeRaw('\n');
    }

    private void writeField(String name, Object value) throws IOException {
        if (value == null) {
            return;
        }
        json.writeFieldName(name);
        writeValue(value);
    }

    private void writeValue(Object value) throws IOException {
        if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Hex hex) {
            json.writeString(hex.toString());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                if (entry.getValue() == null) {
                    json.writeNull();
                } else {
                    writeValue(entry.getValue());
                }
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(item);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }

    @Override
    public void close() throws IOException {
        json.close();
        out.flush();
    }
}
