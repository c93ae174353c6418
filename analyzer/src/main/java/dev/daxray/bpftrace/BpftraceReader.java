package dev.daxray.bpftrace;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.events.Event;
import dev.daxray.events.Origin;

/**
 * Reads one bpftrace capture, text or {@code -f json} (reference trace-ndctl-formats.md §3), line by
 * line. {@code printf} lines become events through the {@link BpftraceMappings}; lines no mapping
 * matches are counted, not events. Maps, histograms and stats are parsed into {@link MapEntry} and
 * {@link Histogram} records and reported in the input's notes: they summarise a whole run, have no
 * time, and no rule needs them as events yet.
 *
 * <p>The text shapes are few and fixed, so they are read with anchored patterns rather than a
 * grammar; printf lines are matched by the user's templates. Not thread-safe: one per input.
 */
public final class BpftraceReader {

    /** Text or JSON output. */
    public enum Mode { TEXT, JSON }

    /** One map entry: {@code @name[k1, k2]: value}; stats values read {@code count=N average=N total=N}. */
    public record MapEntry(String map, List<String> key, String value) {
        public MapEntry {
            key = List.copyOf(key);
        }
    }

    /** One hist()/lhist() bucket: its label as bpftrace prints it ({@code [4, 8)}) and its count. */
    public record Bucket(String label, long count) {
    }

    /** One hist()/lhist() of a map (and key). */
    public record Histogram(String map, List<String> key, List<Bucket> buckets) {
        public Histogram {
            key = List.copyOf(key);
            buckets = List.copyOf(buckets);
        }
    }

    // Counts have at most 18 digits, so they fit a long: a longer number is no count bpftrace printed.
    private static final Pattern ATTACHING = Pattern.compile("Attaching (\\d{1,18}) probes?\\.\\.\\.");
    private static final Pattern ATTACHED = Pattern.compile("Attached (\\d{1,18}) probes?");
    private static final Pattern LOST = Pattern.compile("Lost (\\d{1,18}) events");
    private static final Pattern TOTAL_LOST = Pattern.compile("Total lost event count: (\\d+)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(WARNING|ERROR|Additional Info - helper)[: ].*|\\^C");
    private static final Pattern MAP = Pattern.compile("(@\\w*)(?:\\[(.*)])?: (.*)");
    private static final Pattern HIST_HEADER = Pattern.compile("(@\\w*)(?:\\[(.*)])?:");
    private static final Pattern STACK_KEY_START = Pattern.compile("(@\\w*)\\[");
    private static final Pattern STACK_KEY_END = Pattern.compile("]: (.*)");
    private static final Pattern BUCKET = Pattern.compile("(\\[[^\\]]*[\\])]|\\(\\.\\.\\., [^)]*\\))\\s+(\\d{1,18}) \\|[@ ]*\\|");
    private static final Pattern OLD_STATS = Pattern.compile("count (-?\\d+), average (-?\\d+), total (-?\\d+)");
    private static final Pattern NEW_STATS = Pattern.compile("\\{ \\.count = (-?\\d+), \\.average = (-?\\d+), \\.total = (-?\\d+) }");

    /** Made on first use: a capture without bpftrace JSON never pays a cold ObjectMapper (~50 ms). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Mode mode;
    private final BpftraceMappings mappings;
    private final List<MapEntry> maps = new ArrayList<>();
    private final List<Histogram> histograms = new ArrayList<>();
    private String era;
    private long probes = -1;
    private long lost;
    private long printfLines;
    private long mapped;
    private long unmapped;
    private String firstUnmapped;
    private long other;

    // text state: an open histogram or stack key
    private String openMap;
    private List<String> openKey;
    private List<Bucket> openBuckets;
    private List<String> openFrames;
    // json state: printf output not yet ended by a newline
    private final StringBuilder pendingPrintf = new StringBuilder();

    public BpftraceReader(Mode mode, BpftraceMappings mappings) {
        this.mode = mode;
        this.mappings = mappings;
    }

    /** The mode of a capture whose first non-blank line is {@code line}, or empty when it is not bpftrace output. */
    public static Optional<Mode> recognise(String line) {
        String s = line.strip();
        if (ATTACHING.matcher(s).matches() || ATTACHED.matcher(s).matches()) {
            return Optional.of(Mode.TEXT);
        }
        if (s.startsWith("{\"type\": \"")) {
            try {
                JsonNode node = Json.MAPPER.readTree(s);
                if (node.isObject() && node.path("type").isTextual()
                        && (node.has("data") || node.has("msg"))) {
                    return Optional.of(Mode.JSON);
                }
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one line. Returns false when the line is not bpftrace output at all (JSON mode: not a
     * JSON object), so the caller can count it as unparsed.
     */
    public boolean line(String line, Origin origin, Consumer<Event> sink) {
        return mode == Mode.JSON ? jsonLine(line, origin, sink) : textLine(line, origin, sink);
    }

    // --- text ----------------------------------------------------------------------------------------

    private boolean textLine(String line, Origin origin, Consumer<Event> sink) {
        if (openFrames != null) {
            Matcher end = STACK_KEY_END.matcher(line);
            if (end.matches()) {
                maps.add(new MapEntry(openMap, List.of(String.join(";", openFrames)), normalise(end.group(1))));
                openFrames = null;
            } else {
                openFrames.add(line.strip());
            }
            return true;
        }
        if (openBuckets != null) {
            Matcher bucket = BUCKET.matcher(line.strip());
            if (bucket.matches()) {
                openBuckets.add(new Bucket(bucket.group(1), Long.parseLong(bucket.group(2))));
                return true;
            }
            histograms.add(new Histogram(openMap, openKey, openBuckets));
            openBuckets = null;
        }
        String s = line.strip();
        if (s.isEmpty()) {
            return true;
        }
        Matcher m;
        if ((m = ATTACHING.matcher(s)).matches()) {
            era = "bpftrace <= 0.23 text";
            probes = Long.parseLong(m.group(1));
        } else if ((m = ATTACHED.matcher(s)).matches()) {
            era = "bpftrace >= 0.24 text";
            probes = Long.parseLong(m.group(1));
        } else if ((m = LOST.matcher(s)).matches()) {
            long more = Long.parseLong(m.group(1));
            lost = lost > Long.MAX_VALUE - more ? Long.MAX_VALUE : lost + more;
        } else if (TOTAL_LOST.matcher(s).matches() || DIAGNOSTIC.matcher(s).matches()) {
            other++;
        } else if ((m = STACK_KEY_START.matcher(s)).matches()) {
            openMap = m.group(1);
            openFrames = new ArrayList<>();
        } else if ((m = HIST_HEADER.matcher(s)).matches()) {
            openMap = m.group(1);
            openKey = splitTextKey(m.group(2));
            openBuckets = new ArrayList<>();
        } else if ((m = MAP.matcher(s)).matches()) {
            maps.add(new MapEntry(m.group(1), splitTextKey(m.group(2)), normalise(m.group(3))));
        } else {
            printf(line, origin, sink);
        }
        return true;
    }

    /** Tuple keys print without parentheses, elements joined by {@code ", "}; nested tuples keep theirs. */
    private static List<String> splitTextKey(String key) {
        if (key == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && key.startsWith(", ", i)) {
                parts.add(key.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        parts.add(key.substring(start));
        return parts;
    }

    /** Both eras' stats text to one form. */
    private static String normalise(String value) {
        Matcher m = OLD_STATS.matcher(value);
        if (!m.matches()) {
            m = NEW_STATS.matcher(value);
        }
        return m.matches() ? stats(m.group(1), m.group(2), m.group(3)) : value;
    }

    private static String stats(Object count, Object average, Object total) {
        return "count=" + count + " average=" + average + " total=" + total;
    }

    private void printf(String text, Origin origin, Consumer<Event> sink) {
        printfLines++;
        Optional<Event> event = mappings.apply(text, origin);
        if (event.isPresent()) {
            mapped++;
            sink.accept(event.get());
        } else {
            unmapped++;
            if (firstUnmapped == null) {
                firstUnmapped = origin.location() + ": " + text;
            }
        }
    }

    // --- json ----------------------------------------------------------------------------------------

    private boolean jsonLine(String line, Origin origin, Consumer<Event> sink) {
        if (line.isBlank()) {
            return true; // <= 0.23 prints "\n\n" after the run even in JSON mode
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            return false;
        }
        JsonNode data = node.path("data");
        switch (node.get("type").asText()) {
            case "attached_probes" -> {
                era = node.has("count") ? "bpftrace >= 0.24 -f json" : "bpftrace <= 0.23 -f json";
                probes = data.path("probes").asLong();
            }
            case "lost_events" -> lost += data.path("events").asLong();
            case "printf" -> {
                pendingPrintf.append(data.asText());
                int newline;
                while ((newline = pendingPrintf.indexOf("\n")) >= 0) {
                    String text = pendingPrintf.substring(0, newline);
                    pendingPrintf.delete(0, newline + 1);
                    printf(text, origin, sink);
                }
            }
            case "map" -> eachMap(data, (map, key, value) -> maps.add(new MapEntry(map, key, scalar(value))));
            case "stats" -> eachMap(data, (map, key, value) -> maps.add(new MapEntry(map, key,
                    value.has("count") ? stats(value.path("count").asText(), value.path("average").asText(),
                            value.path("total").asText()) : value.toString())));
            case "hist" -> eachMap(data, (map, key, value) -> histograms.add(new Histogram(map, key, buckets(value))));
            default -> other++;
        }
        return true;
    }

    private interface MapVisitor {
        void visit(String map, List<String> key, JsonNode value);
    }

    /** {@code {"@name": value}} or {@code {"@name": {"key": value, ...}}}; hist values are arrays. */
    private static void eachMap(JsonNode data, MapVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> maps = data.fields(); maps.hasNext(); ) {
            Map.Entry<String, JsonNode> map = maps.next();
            JsonNode value = map.getValue();
            boolean keyed = value.isObject() && !(value.has("count") && value.has("total"));
            if (!keyed) {
                visitor.visit(map.getKey(), List.of(), value);
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                visitor.visit(map.getKey(), jsonKey(entry.getKey()), entry.getValue());
            }
        }
    }

    /** Tuple keys are joined with {@code ,}; stack keys hold newlines: frames joined with {@code ;}. */
    private static List<String> jsonKey(String key) {
        if (key.contains("\n")) {
            return List.of(String.join(";", key.strip().lines().map(String::strip).filter(f -> !f.isEmpty()).toList()));
        }
        return List.of(key.split(",", -1));
    }

    private static String scalar(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Inclusive JSON bounds to the text labels: {@code min 4, max 7} is {@code [4, 8)}. */
    private static List<Bucket> buckets(JsonNode array) {
        List<Bucket> buckets = new ArrayList<>();
        for (JsonNode bucket : array) {
            String label;
            if (!bucket.has("min")) {
                label = "(..., " + (bucket.path("max").asLong() + 1) + ")";
            } else if (!bucket.has("max")) {
                label = "[" + bucket.path("min").asLong() + ", ...)";
            } else if (bucket.path("min").asLong() == bucket.path("max").asLong()) {
                label = "[" + bucket.path("min").asLong() + "]";
            } else {
                label = "[" + bucket.path("min").asLong() + ", " + (bucket.path("max").asLong() + 1) + ")";
            }
            buckets.add(new Bucket(label, bucket.path("count").asLong()));
        }
        return buckets;
    }

    // --- results -------------------------------------------------------------------------------------

    /** End of input: close an open histogram or stack, and a JSON printf without its final newline. */
    public void finish(Origin last, Consumer<Event> sink) {
        if (openBuckets != null) {
            histograms.add(new Histogram(openMap, openKey, openBuckets));
            openBuckets = null;
        }
        if (openFrames != null) {
            other += openFrames.size();
            openFrames = null;
        }
        if (!pendingPrintf.isEmpty() && last != null) {
            printf(pendingPrintf.toString(), last, sink);
            pendingPrintf.setLength(0);
        }
    }

    public String format() {
        return mode == Mode.JSON ? "bpftrace -f json" : "bpftrace";
    }

    public List<MapEntry> maps() {
        return List.copyOf(maps);
    }

    public List<Histogram> histograms() {
        return List.copyOf(histograms);
    }

    public long unmapped() {
        return unmapped;
    }

    /** What the run said besides its events, for the input report. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add((era != null ? era : format()) + (probes >= 0 ? ", " + probes + " probes attached" : "")
                + (lost > 0 ? ", " + lost + " events lost" : ""));
        notes.add("printf lines: " + printfLines + ", " + mapped + " mapped to events, " + unmapped + " not mapped"
                + (firstUnmapped != null ? " (first: " + firstUnmapped + ")" : ""));
        long keyedMaps = maps.stream().map(MapEntry::map).distinct().count();
        notes.add("maps: " + keyedMaps + " (" + maps.size() + " entries), histograms: " + histograms.size()
                + " (parsed, not events)");
        return notes;
    }
}
