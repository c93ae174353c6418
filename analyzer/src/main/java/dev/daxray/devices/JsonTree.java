package dev.daxray.devices;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The JSON values of one document with the lines they came from. Scalars are {@link String},
 * {@link Long}, {@link BigInteger} (above {@code Long.MAX_VALUE}), {@link BigDecimal},
 * {@link Boolean} or null. A container is {@code complete} when its closing bracket was read.
 */
final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    record Obj(long line, long endLine, boolean complete, Map<String, Object> fields) {
        Obj {
            fields = Collections.unmodifiableMap(fields);
        }

        Object get(String key) {
            return fields.get(key);
        }

        String str(String key) {
            return Values.string(fields.get(key));
        }

        boolean has(String key) {
            return fields.containsKey(key);
        }

        List<Object> list(String key) {
            return fields.get(key) instanceof Arr arr ? arr.items() : List.of();
        }

        Obj obj(String key) {
            return fields.get(key) instanceof Obj o ? o : null;
        }
    }

    record Arr(long line, boolean complete, List<Object> items) {
        Arr {
            items = Collections.unmodifiableList(items);
        }
    }

    /** The value on one line without whitespace, the way {@code ndctl monitor} prints it. */
    static String compact(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Obj obj) {
            json.writeStartObject();
            for (Map.Entry<String, Object> e : obj.fields().entrySet()) {
                json.writeFieldName(e.getKey());
                write(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Arr arr) {
            json.writeStartArray();
            for (Object item : arr.items()) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof BigInteger b) {
            json.writeNumber(b);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeNull();
        }
    }
}
