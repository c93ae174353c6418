package dev.daxray.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.daxray.output.OpenMetrics;
import dev.daxray.rules.Severity;

/**
 * One host's triage as gauges for node_exporter's textfile collector ({@code triage --format
 * openmetrics}): incidents per severity (every severity, zeros included, so an alert rule such as
 * {@code daxray_triage_incidents{severity="critical"} > 0} always has a series), per kind and
 * severity, the lines read and left unparsed, and when the run happened. Labels are bounded: the
 * severities, and the kinds the rules define.
 */
public final class TriageMetrics {

    private TriageMetrics() {
    }

    /** The exposition text of {@code incidents}, read from {@code lines} lines of which {@code unparsed} were not understood. */
    public static String write(List<Incident> incidents, long lines, long unparsed, Instant now) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        Severity.labels().forEach(s -> bySeverity.put(s, 0L));
        Map<List<String>, Long> byKind = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(rank(a.get(1)), rank(b.get(1))) : a.get(0).compareTo(b.get(0)));
        for (Incident i : incidents) {
            bySeverity.merge(i.severity(), 1L, Long::sum);
            byKind.merge(List.of(i.kind(), i.severity()), 1L, Long::sum);
        }
        List<OpenMetrics.Sample> severities = new ArrayList<>();
        bySeverity.forEach((s, n) -> severities.add(OpenMetrics.Sample.of("severity", s, n)));
        List<OpenMetrics.Sample> kinds = new ArrayList<>();
        byKind.forEach((k, n) -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("kind", k.get(0));
            labels.put("severity", k.get(1));
            kinds.add(new OpenMetrics.Sample(labels, n));
        });
        return new OpenMetrics()
                .gauge("daxray_triage_incidents", "Incidents daxray triage found in this host's captures, by severity.", severities)
                .gauge("daxray_triage_incidents_by_kind", "Incidents by kind and severity.", kinds)
                .gauge("daxray_triage_lines", "Lines read from the captures.", List.of(OpenMetrics.Sample.of(lines)))
                .gauge("daxray_triage_unparsed_lines", "Lines neither a log line of their input's format nor a message daxray reads.",
                        List.of(OpenMetrics.Sample.of(unparsed)))
                .gauge("daxray_triage_last_run_timestamp_seconds", "When this triage ran (Unix time).",
                        List.of(OpenMetrics.Sample.of(now.getEpochSecond())))
                .text();
    }

    private static int rank(String severity) {
        return Severity.parse(severity).map(Enum::ordinal).orElse(9);
    }
}
