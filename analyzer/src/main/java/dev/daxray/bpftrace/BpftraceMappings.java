package dev.daxray.bpftrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Origin;

/**
 * The declared shapes of bpftrace {@code printf} lines, tried in order (first match wins).
 *
 * <p>A mapping file has one mapping per line; {@code #} starts a comment line:
 * <pre>
 *   TYPE [FIELD=VALUE ...] | TEMPLATE
 *   memory-failure | {comm} pid={_:int} pfn={pfn:hex} type={pageType} result={result:enum(Ignored,Failed,Delayed,Recovered)}
 * </pre>
 * TYPE is an event type ({@code daxray schema}); FIELD=VALUE pairs set constant fields; TEMPLATE is
 * the printed line, literal except for holes {@code {field}} or {@code {field:kind}}. Kinds:
 * {@code text} (default, any text, shortest match), {@code word} (no spaces), {@code hex}
 * ({@code 0x…}), {@code int} (decimal), {@code ns} (digits), {@code enum(A,B,…)} (a printed index
 * into the names). Special fields: {@code _time} ({@code ns}: bpftrace's {@code nsecs}, the
 * monotonic clock, becomes the event's time), {@code _} (matched, dropped), {@code args.NAME}
 * (into a probe event's {@code args}). {@code {{} and {@code }}} are literal braces.
 */
public final class BpftraceMappings {

    private static final String RESOURCE_DIR = "/dev/daxray/bpftrace/";
    private static final List<String> SHIPPED = List.of("one-liners.map");
    private static final Map<String, String> KIND_PATTERNS = Map.of(
            "text", "(.+?)", "word", "(\\S+)", "hex", "(0x[0-9a-fA-F]+)", "int", "(-?[0-9]+)", "ns", "([0-9]+)");

    private static final BpftraceMappings STANDARD = loadShipped();

    private final List<BpftraceMapping> mappings;

    public BpftraceMappings(List<BpftraceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** The mappings shipped for the one-liners of the reference (trace-ndctl-formats.md §3.4). */
    public static BpftraceMappings standard() {
        return STANDARD;
    }

    public List<BpftraceMapping> mappings() {
        return mappings;
    }

    /** These mappings, then {@code more} (tried after them). */
    public BpftraceMappings with(BpftraceMappings more) {
        List<BpftraceMapping> all = new ArrayList<>(mappings);
        all.addAll(more.mappings);
        return new BpftraceMappings(all);
    }

    /** The event the first matching mapping makes of {@code line}, or empty when none matches. */
    public Optional<Event> apply(String line, Origin origin) {
        for (BpftraceMapping mapping : mappings) {
            Optional<Event> event = mapping.apply(line, origin);
            if (event.isPresent()) {
                return event;
            }
        }
        return Optional.empty();
    }

    private static BpftraceMappings loadShipped() {
        List<BpftraceMapping> all = new ArrayList<>();
        for (String name : SHIPPED) {
            try (InputStream in = BpftraceMappings.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE_DIR + name);
                }
                all.addAll(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)).mappings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new BpftraceMappings(all);
    }

    /** Parses a mapping file; every error is reported at once in one exception's message, one per line. */
    public static BpftraceMappings parse(String file, String text) {
        List<BpftraceMapping> mappings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                mappings.add(parseLine(file, i + 1, line));
            } catch (BpftraceMappingException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw BpftraceMappingException.all(errors);
        }
        return new BpftraceMappings(mappings);
    }

    private static BpftraceMapping parseLine(String file, int lineNo, String line) {
        int bar = line.indexOf(" | ");
        if (bar < 0) {
            throw new BpftraceMappingException(file, lineNo, 1, "expected [TYPE [FIELD=VALUE ...] | TEMPLATE], found no [ | ]");
        }
        String[] head = line.substring(0, bar).strip().split("\\s+");
        String template = line.substring(bar + 3);
        int headColumn = line.indexOf(head[0]) + 1;
        EventSchema.Type type = EventSchema.get().type(head[0]).orElseThrow(() -> new BpftraceMappingException(file,
                lineNo, headColumn, "unknown event type [" + head[0] + "]" + didYouMean(head[0],
                        EventSchema.get().types().stream().map(EventSchema.Type::name).toList())));
        Map<String, String> constants = new LinkedHashMap<>();
        for (String assignment : Arrays.asList(head).subList(1, head.length)) {
            int eq = assignment.indexOf('=');
            int column = line.indexOf(assignment) + 1;
            if (eq <= 0) {
                throw new BpftraceMappingException(file, lineNo, column, "expected FIELD=VALUE, found [" + assignment + "]");
            }
            String field = assignment.substring(0, eq);
            checkField(file, lineNo, column, type, field);
            constants.put(field, assignment.substring(eq + 1));
        }
        List<BpftraceMapping.Hole> holes = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int templateStart = bar + 3;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                literal.append(c);
                i++;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                int column = templateStart + i + 1;
                if (close < 0) {
                    throw new BpftraceMappingException(file, lineNo, column, "unclosed [{] in template");
                }
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                BpftraceMapping.Hole hole = hole(file, lineNo, column, type, template.substring(i + 1, close));
                holes.add(hole);
                regex.append(hole.choices().isEmpty() ? KIND_PATTERNS.get(hole.kind()) : "([0-9]+)");
                i = close;
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return new BpftraceMapping(file + ":" + lineNo, type, template, constants, holes, Pattern.compile(regex.toString()));
    }

    private static BpftraceMapping.Hole hole(String file, int lineNo, int column, EventSchema.Type type, String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String kind = colon < 0 ? "text" : spec.substring(colon + 1);
        List<String> choices = List.of();
        if (kind.startsWith("enum(") && kind.endsWith(")")) {
            choices = List.of(kind.substring(5, kind.length() - 1).split(","));
            kind = "enum";
        } else if (!KIND_PATTERNS.containsKey(kind)) {
            throw new BpftraceMappingException(file, lineNo, column, "unknown kind [" + kind
                    + "]; allowed: text, word, hex, int, ns, enum(A,B,...)" + didYouMean(kind, List.copyOf(KIND_PATTERNS.keySet())));
        }
        if (name.equals(BpftraceMapping.TIME) && !kind.equals("ns")) {
            throw new BpftraceMappingException(file, lineNo, column, "[_time] takes kind [ns] (bpftrace's nsecs), found [" + kind + "]");
        }
        if (name.startsWith(BpftraceMapping.ARGS_PREFIX)) {
            checkField(file, lineNo, column, type, "args");
        } else if (!name.equals(BpftraceMapping.TIME) && !name.equals(BpftraceMapping.IGNORED)) {
            checkField(file, lineNo, column, type, name);
        }
        return new BpftraceMapping.Hole(name, kind, choices);
    }

    private static void checkField(String file, int lineNo, int column, EventSchema.Type type, String field) {
        List<String> own = type.ownFields().stream().map(EventSchema.Field::name).filter(f -> !f.equals("text")).toList();
        if (!own.contains(field)) {
            throw new BpftraceMappingException(file, lineNo, column, "unknown field [" + field + "] of " + type.name()
                    + "; fields: " + String.join(", ", own) + didYouMean(field, own));
        }
    }

    private static String didYouMean(String wrong, List<String> known) {
        return dev.daxray.rules.DidYouMean.hint(wrong, known);
    }
}
