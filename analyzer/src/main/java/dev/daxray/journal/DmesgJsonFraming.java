package dev.daxray.journal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code dmesg --json} (util-linux 2.38+): one pretty-printed document {@code {"dmesg": [ … ]}} whose
 * records are objects with {@code "pri"} (a number, facility × 8 + level; with {@code -x} the strings
 * {@code "fac"} and {@code "pri"}), {@code "time"} (seconds since boot, a bare number padded with
 * spaces), {@code "caller"} (2.40+) and {@code "msg"}. util-linux writes each key on its own line and
 * joins records with {@code },{}; the document may be unterminated ({@code dmesg -J -w}). Each record is
 * parsed on its own (a few lines), so a broken one costs only its own lines.
 */
final class DmesgJsonFraming implements EntryFraming {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int MAX_RECORD = 1 << 20;

    private final StringBuilder record = new StringBuilder();
    private long first = -1;
    private long messageLine = -1;
    private long last = -1;

    @Override
    public String format() {
        return "dmesg json";
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNo, EntrySink sink) {
        String line = new String(buf, off, len, StandardCharsets.UTF_8);
        String t = line.strip();
        if (first >= 0) {
            last = lineNo;
            if (t.equals("}") || t.equals("},") || t.equals("},{")) {
                close(lineNo, sink);
                if (t.equals("},{")) {
                    first = lineNo + 1;
                    messageLine = -1;
                }
            } else if (record.length() < MAX_RECORD) {
                if (messageLine < 0 && t.startsWith("\"msg\"")) {
                    messageLine = lineNo;
                }
                record.append(t).append('\n');
            }
            return;
        }
        if (t.equals("{") && sawArray) {
            first = lineNo + 1;
            messageLine = -1;
            sink.framing(lineNo);
        } else if (t.equals("{") || t.startsWith("\"dmesg\"") || t.equals("]") || t.equals("}") || t.isEmpty()) {
            sawArray |= t.startsWith("\"dmesg\"");
            sink.framing(lineNo);
        } else {
            sink.broken(lineNo, "not part of a dmesg --json record: " + line);
        }
    }

    private boolean sawArray;

    private void close(long lastLine, EntrySink sink) {
        long from = first;
        first = -1;
        String text = "{" + record + "}";
        record.setLength(0);
        if (from > lastLine) {
            sink.framing(lastLine); // "},{" right after "{": an empty record
            return;
        }
        try {
            JsonNode node = JSON.readTree(text.replace("\n", " "));
            EntryFields fields = fields(node);
            sink.entry(fields.entry(from, lastLine, messageLine >= 0 ? messageLine : from));
        } catch (IOException | RuntimeException e) {
            String why = e instanceof IOException io ? JsonFraming.reason(io) : String.valueOf(e.getMessage());
            sink.broken(from, "broken dmesg --json record (" + why + ")");
            for (long l = from + 1; l <= lastLine; l++) {
                sink.framing(l);
            }
        }
    }

    private static EntryFields fields(JsonNode node) {
        if (!node.isObject() || !node.path("msg").isTextual()) {
            throw new IllegalArgumentException("a record needs a \"msg\" string");
        }
        EntryFields fields = new EntryFields();
        fields.set("MESSAGE", ownText(node.get("msg").asText()));
        JsonNode pri = node.path("pri");
        JsonNode fac = node.path("fac");
        boolean kernel = true;
        if (pri.isInt()) {
            fields.set("PRIORITY", String.valueOf(pri.asInt() & 7));
            kernel = pri.asInt() >> 3 == 0;
        } else if (fac.isTextual()) {
            kernel = fac.asText().equals("kern");
        }
        fields.set("_TRANSPORT", kernel ? "kernel" : "kmsg");
        JsonNode time = node.path("time");
        if (time.isNumber()) {
            long micros = time.decimalValue().movePointRight(6).setScale(0, java.math.RoundingMode.DOWN)
                    .min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
            fields.kernelTime(micros);
            fields.times(null, micros);
        }
        return fields;
    }

    /**
     * A record's own text: util-linux 2.38-2.39 reading a buffer (-F, syslog(2)) put the rest of the buffer
     * after it ({@code "\n<6>[    1.204332] …"}), and every record ends in a newline there; cut both off.
     */
    static String ownText(String msg) {
        Matcher next = NEXT_RECORD.matcher(msg);
        String own = next.find() ? msg.substring(0, next.start()) : msg;
        return own.endsWith("\n") ? own.substring(0, own.length() - 1) : own;
    }

    private static final java.util.regex.Pattern NEXT_RECORD = java.util.regex.Pattern.compile("\n<\\d{1,3}>");

    @Override
    public void finish(EntrySink sink) {
        if (first >= 0) {
            long from = first;
            first = -1;
            record.setLength(0);
            if (from <= last) {
                sink.broken(from, "dmesg --json record cut off at the end of the input");
                for (long l = from + 1; l <= last; l++) {
                    sink.framing(l);
                }
            }
        }
    }
}
