package dev.daxray.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads one journal entry written as a JSON object ({@code journalctl -o json} and its pretty, seq and
 * SSE framings, systemd 219 to today) with Jackson's streaming parser, keeping only the fields daxray
 * uses. Every value may be a string, {@code null} (a value of 4 KiB or more without {@code --all}), an
 * array of byte values (a value that is not printable UTF-8: a kernel message with an escape, CR or a
 * raw byte), or an array of those (a field given more than once); numbers-in-strings are microseconds.
 */
final class JournalJson {

    /** Bytes kept of a byte-array value: a message longer than this is cut. */
    static final int MAX_BYTES = 64 * 1024;

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JournalJson() {
    }

    static EntryFields read(byte[] buf, int off, int len) throws IOException {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            return read(p);
        }
    }

    static EntryFields read(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return read(p);
        }
    }

    private static EntryFields read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "not a JSON object");
        }
        EntryFields fields = new EntryFields();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (EntryFields.wanted(name)) {
                Object v = value(p, value);
                if (v instanceof byte[] bytes) {
                    fields.set(name, bytes);
                } else {
                    fields.set(name, (String) v);
                }
            } else {
                p.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "a journal entry is an object of fields");
        }
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "text after the entry's closing brace");
        }
        return fields;
    }

    /** A value: text, bytes, or null; for an array of values (a repeated field), its first non-null one. */
    private static Object value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> null;
            case START_ARRAY -> array(p);
            default -> {
                p.skipChildren();
                throw new JsonParseException(p, "a journal field holds no objects");
            }
        };
    }

    private static Object array(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return new byte[0];
        }
        if (first == JsonToken.VALUE_NUMBER_INT) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    throw new JsonParseException(p, "a byte array holds numbers only");
                }
                int b = p.getIntValue();
                if (b < 0 || b > 255) {
                    throw new JsonParseException(p, "a byte value is 0-255");
                }
                if (bytes.size() < MAX_BYTES) {
                    bytes.write(b);
                }
            }
            return bytes.toByteArray();
        }
        Object kept = null;
        for (JsonToken t = first; t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsonParseException(p, "unclosed array");
            }
            Object v = value(p, t);
            kept = kept == null ? v : kept;
        }
        return kept;
    }
}
