package dev.daxray.samples;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The message each line of a structured export carries, found here independently of the readers, so
 * {@link LineAccountingTest} can check a journal entry's fate against its message (not against the whole
 * JSON line or a field line): one-line JSON entries parsed whole; the MESSAGE line of an export, verbose
 * or pretty entry, with the entry's transport from its other lines; the {@code "msg"} line of a
 * {@code dmesg --json} record (cut where util-linux 2.38 ran it into the next records).
 */
final class StructuredLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message a line carries and whether the kernel wrote it. */
    record Message(String text, boolean kernel) {
    }

    private StructuredLines() {
    }

    /** The messages by 1-based line, for an input of {@code format}; empty for formats with no entries. */
    static Map<Long, Message> of(String format, List<String> lines) {
        Map<Long, Message> messages = new HashMap<>();
        switch (format) {
            case "journal json", "journal json-seq", "journal json-sse" -> oneLine(lines, messages);
            case "journal json-pretty" -> entries(lines, messages, l -> l.equals("{"), "\t\"MESSAGE\" : ");
            case "journal export" -> entries(lines, messages, l -> l.startsWith("__CURSOR="), "MESSAGE=");
            case "journal verbose" -> entries(lines, messages, l -> l.matches("^\\w{3} \\d{4}-.* \\[s=.*]$"), "    MESSAGE=");
            case "dmesg json" -> entries(lines, messages, l -> l.strip().equals("{") || l.strip().equals("},{"), "\"msg\": ");
            default -> {
                // not a structured export
            }
        }
        return messages;
    }

    private static void oneLine(List<String> lines, Map<Long, Message> messages) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int brace = line.indexOf('{');
            if (brace < 0) {
                continue;
            }
            try {
                JsonNode entry = JSON.readTree(line.substring(brace));
                messages.put(i + 1L, new Message(text(entry.get("MESSAGE")), kernel(entry.path("_TRANSPORT").asText(),
                        entry.path("SYSLOG_IDENTIFIER").asText())));
            } catch (java.io.IOException e) {
                // a broken entry: unparsed, no message
            }
        }
    }

    /** Entries that start where {@code start} says; the line with {@code field} holds the message. */
    private static void entries(List<String> lines, Map<Long, Message> messages,
                                java.util.function.Predicate<String> start, String field) {
        int first = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || i > first && start.test(lines.get(i))) {
                entry(lines.subList(first, i), first, messages, field);
                first = i;
            }
        }
    }

    private static void entry(List<String> entry, int offset, Map<Long, Message> messages, String field) {
        String transport = "";
        String identifier = "";
        boolean dmesg = field.startsWith("\"msg\"");
        boolean kernelFacility = true;
        int at = -1;
        for (int i = 0; i < entry.size(); i++) {
            String l = dmesg || field.startsWith("\t") ? entry.get(i).strip() : entry.get(i).stripTrailing();
            String f = dmesg || field.startsWith("\t") ? field.strip() : field;
            if (l.startsWith(f) && at < 0) {
                at = i;
            }
            transport = l.contains("_TRANSPORT") && l.contains("kernel") ? "kernel" : transport;
            identifier = l.contains("SYSLOG_IDENTIFIER") && l.contains("kernel") ? "kernel" : identifier;
            kernelFacility &= !(l.matches("^\"pri\": \\d+,?$") && Integer.parseInt(l.replaceAll("[^0-9]", "")) >= 8)
                    && !(l.startsWith("\"fac\": ") && !l.contains("\"kern\""));
        }
        if (at < 0) {
            return;
        }
        String line = entry.get(at);
        String value = line.substring(line.indexOf(field.strip()) + field.strip().length()).strip();
        String text = value;
        if (value.startsWith("\"")) {
            try {
                text = JSON.readTree(value.endsWith(",") ? value.substring(0, value.length() - 1) : value).asText();
            } catch (java.io.IOException e) {
                text = value;
            }
        }
        if (dmesg) {
            int next = text.indexOf("\n<");
            text = next >= 0 ? text.substring(0, next) : text;
        }
        messages.put(offset + at + 1L, new Message(text, dmesg ? kernelFacility : kernel(transport, identifier)));
    }

    private static boolean kernel(String transport, String identifier) {
        return transport.equals("kernel") || identifier.equals("kernel");
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray() && !value.isEmpty() && value.get(0).isNumber()) {
            byte[] bytes = new byte[value.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) value.get(i).asInt();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.isArray() ? text(value.get(0)) : value.asText();
    }
}
