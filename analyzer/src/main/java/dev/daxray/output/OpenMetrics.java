package dev.daxray.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gauges in the text format Prometheus scrapes and node_exporter's textfile collector reads, which
 * is also valid OpenMetrics 1.0 text: {@code # HELP} and {@code # TYPE} per family, one sample per
 * line, {@code # EOF} at the end. Only gauges: incident counts go down when a host's captures are
 * read again, so they are not counters.
 *
 * <p>Label values come from logs (host names, kernel releases, fingerprints): each is made safe with
 * {@link Untrusted#terminal} (no control character, no line break), then escaped as the format
 * says ({@code \\} and {@code \"}), and cut to {@value #MAX_LABEL_CHARS} characters.
 */
public final class OpenMetrics {

    /** Content type of the classic Prometheus text format. */
    public static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Content type of OpenMetrics text. */
    public static final String OPENMETRICS_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /** Longest label value written; longer ones are cut and end with {@code …}. */
    public static final int MAX_LABEL_CHARS = 200;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** One sample of a family: label name → value (in order), and the value. */
    public record Sample(Map<String, String> labels, long value) {
        public Sample {
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        /** A sample with one label. */
        public static Sample of(String label, String labelValue, long value) {
            return new Sample(Map.of(label, labelValue), value);
        }

        /** A sample without labels. */
        public static Sample of(long value) {
            return new Sample(Map.of(), value);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final List<String> names = new ArrayList<>();

    /** Adds a gauge family; names must be new and valid metric names. */
    public OpenMetrics gauge(String name, String help, List<Sample> samples) {
        if (!NAME.matcher(name).matches() || names.contains(name)) {
            throw new IllegalArgumentException("metric name [" + name + "]");
        }
        names.add(name);
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
        for (Sample s : samples) {
            text.append(name);
            if (!s.labels().isEmpty()) {
                text.append('{');
                boolean first = true;
                for (Map.Entry<String, String> label : s.labels().entrySet()) {
                    if (!NAME.matcher(label.getKey()).matches()) {
                        throw new IllegalArgumentException("label name [" + label.getKey() + "]");
                    }
                    text.append(first ? "" : ",").append(label.getKey()).append("=\"").append(labelValue(label.getValue())).append('"');
                    first = false;
                }
                text.append('}');
            }
            text.append(' ').append(s.value()).append('\n');
        }
        return this;
    }

    /** The exposition, ending with {@code # EOF}. */
    public String text() {
        return text + "# EOF\n";
    }

    /** A label value as the format writes it. */
    static String labelValue(String value) {
        String safe = Untrusted.terminal(value == null ? "" : value);
        if (safe.length() > MAX_LABEL_CHARS) {
            int cut = MAX_LABEL_CHARS - 1;
            safe = safe.substring(0, Character.isHighSurrogate(safe.charAt(cut - 1)) ? cut - 1 : cut) + "…";
        }
        return safe.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
