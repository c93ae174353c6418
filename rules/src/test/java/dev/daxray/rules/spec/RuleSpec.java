package dev.daxray.rules.spec;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;

/**
 * Reads rule spec files: human-drawn timelines with the findings and incidents expected of them,
 * in the spirit of EQL's {@code sequences.series-spec}.
 *
 * <pre>
 * === dax-poison-consumed + poison read through a DAX mapping
 *   12.0001  mce             severity=uncorrected physAddr=0x1850602400
 *   12.0002  sigbus          pfn=0x1850602 comm=fsdax pid=8457 action=sigbus
 *   12.0003  memory-failure  pfn=0x1850602 pageType="dax page" result=Recovered
 * findings:
 *   dax-poison-consumed 2,3
 * incidents:
 *   dax-poison-consumed high labels=... pfns=0x1850602 processes=fsdax:8457
 * </pre>
 *
 * The header names the rules the case is about, then {@code +} (they must fire) or {@code -}
 * (a look-alike: they must not), then a description. Timeline lines are: seconds (or {@code -}
 * for a line without a time), the event type, then {@code field=value} pairs ({@code boot=} and
 * {@code host=} set the origin). Events are numbered from 1 in the order drawn; that number is the
 * line cited in findings. {@code findings:} lists every finding of every rule, as rule name and
 * evidence lines; {@code incidents:} every incident. Both are compared whole.
 */
public record RuleSpec(String file, int line, String header, String name, List<String> rules, boolean positive, List<Event> events,
                       List<String> findings, List<String> incidents) {

    private static final Pattern HEADER = Pattern.compile("^=== (\\S+) ([+-]) (.+)$");
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    @Override
    public String toString() {
        return name;
    }

    public static List<RuleSpec> readAll(Path dir) throws IOException {
        List<RuleSpec> specs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".spec")).sorted().toList()) {
                specs.addAll(read(file));
            }
        }
        return specs;
    }

    static List<RuleSpec> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<RuleSpec> specs = new ArrayList<>();
        Builder current = null;
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String text = raw.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher header = HEADER.matcher(text);
            if (header.matches()) {
                if (current != null) {
                    specs.add(current.build());
                }
                current = new Builder(file.getFileName().toString(), i + 1, header.group(1), header.group(2).equals("+"),
                        header.group(3));
                current.header = text;
                section = "timeline";
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": text before the first === header");
            }
            if (text.equals("findings:") || text.equals("incidents:")) {
                section = text.substring(0, text.length() - 1);
                continue;
            }
            switch (section) {
                case "timeline" -> current.events.add(event(file + ":" + (i + 1), text, current.events.size() + 1, current));
                case "findings" -> current.findings.add(text.replaceAll("\\s+", " "));
                default -> current.incidents.add(text.replaceAll("\\s+", " "));
            }
        }
        if (current != null) {
            specs.add(current.build());
        }
        return specs;
    }

    /**
     * Replaces the expectations of the case with {@code header} with what the rules
     * produced (run with {@code -Ddaxray.regenerate=true}, then review the diff).
     */
    static synchronized void rewrite(Path file, String header, List<String> findings, List<String> incidents) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            int start = lines.indexOf(header) + 1;
            while (start < lines.size() && !lines.get(start).strip().equals("findings:")
                    && !lines.get(start).startsWith("===")) {
                start++;
            }
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("===")) {
                end++;
            }
            while (end > start && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith("#"))) {
                end--;
            }
            List<String> replacement = new ArrayList<>();
            replacement.add("findings:");
            findings.forEach(f -> replacement.add("  " + f));
            replacement.add("incidents:");
            incidents.forEach(i -> replacement.add("  " + i));
            lines.subList(start, end).clear();
            lines.addAll(start, replacement);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class Builder {
        final String file;
        final int line;
        final String rules;
        final boolean positive;
        final String description;
        String header;
        final List<Event> events = new ArrayList<>();
        final List<String> findings = new ArrayList<>();
        final List<String> incidents = new ArrayList<>();
        long lastMicros;

        Builder(String file, int line, String rules, boolean positive, String description) {
            this.file = file;
            this.line = line;
            this.rules = rules;
            this.positive = positive;
            this.description = description;
        }

        RuleSpec build() {
            String name = file.replace(".spec", "") + ":" + line + " " + rules + " " + (positive ? "+" : "-") + " " + description;
            return new RuleSpec(file, line, header, name, Arrays.asList(rules.split(",")), positive, events, findings, incidents);
        }
    }

    private static Event event(String where, String text, int number, Builder b) {
        String[] head = text.split("\\s+", 3);
        if (head.length < 2) {
            throw new IllegalArgumentException(where + ": expected 'seconds type field=value...'");
        }
        Long micros = head[0].equals("-") ? null : new BigDecimal(head[0]).movePointRight(6).longValueExact();
        if (micros != null) {
            b.lastMicros = micros;
        }
        EventSchema.Type type = EventSchema.get().type(head[1])
                .orElseThrow(() -> new IllegalArgumentException(where + ": unknown event type " + head[1]));
        Map<String, String> values = new LinkedHashMap<>();
        if (head.length == 3) {
            Matcher m = PAIR.matcher(head[2]);
            while (m.find()) {
                String v = m.group(2);
                values.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v);
            }
        }
        int boot = values.containsKey("boot") ? Integer.parseInt(values.remove("boot")) : 0;
        String host = values.remove("host");
        Origin origin = new Origin("spec", 0, number, number, text, micros, b.lastMicros, null, boot, host, null);
        RecordComponent[] components = type.recordClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            if (name.equals("origin")) {
                args[i] = origin;
                continue;
            }
            String value = values.remove(name);
            args[i] = convert(where, name, value, types[i]);
        }
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + head[1] + " has no field(s) " + values.keySet());
        }
        try {
            Constructor<? extends Event> constructor = type.recordClass().getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(where + ": cannot build " + head[1], e);
        }
    }

    private static Object convert(String where, String field, String value, Class<?> type) {
        if (type == long.class) {
            return value == null ? 0L : Long.parseLong(value);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(value);
        }
        if (value == null) {
            return type == List.class ? List.of() : type == Map.class ? Map.of() : null;
        }
        try {
            if (type == Hex.class) {
                return Hex.parse(value);
            }
            if (type == Integer.class) {
                return Integer.valueOf(value);
            }
            if (type == Long.class) {
                return Long.valueOf(value);
            }
            if (type == List.class) {
                return List.of(value.split(","));
            }
            if (type == Map.class) {
                // a probe's args: name:value,name:value
                Map<String, String> map = new LinkedHashMap<>();
                for (String pair : value.split(",")) {
                    String[] kv = pair.split(":", 2);
                    map.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                return map;
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": bad value for " + field + ": " + value, e);
        }
    }
}
