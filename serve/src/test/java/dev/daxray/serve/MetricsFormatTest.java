package dev.daxray.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.Inputs;
import dev.daxray.incidents.Triage;
import dev.daxray.incidents.TriageMetrics;
import dev.daxray.output.OpenMetrics;
import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.Severity;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/** The exposition text daxray writes, checked by Prometheus's own parser (promtool). */
class MetricsFormatTest {

    @Test
    void hostileLabelValuesAreEscapedAndStillParse() throws Exception {
        String hostile = "a\\b\"c\nd\u001b[2J\u202e}x{y=\"1\"} 9";
        String text = new OpenMetrics().gauge("t_hostile", "Help with \\ and \n.", List.of(
                OpenMetrics.Sample.of("host", hostile, 1), OpenMetrics.Sample.of("host", "x".repeat(500), 2),
                OpenMetrics.Sample.of("host", "é😀".repeat(150), 3))).text();
        assertTrue(text.contains("t_hostile{host=\"a\\\\b\\\"c\\\\nd\\\\x1b[2J\\\\u202e}x{y=\\\"1\\\"} 9\"} 1\n"), text);
        assertTrue(text.contains("# HELP t_hostile Help with \\\\ and \\n.\n"), text);
        assertTrue(text.contains("{host=\"" + "x".repeat(OpenMetrics.MAX_LABEL_CHARS - 1) + "…\"} 2\n"), "long values cut");
        assertTrue(text.endsWith("# EOF\n"));
        Promtool.check(text);
    }

    @Test
    void namesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new OpenMetrics().gauge("bad-name", "h", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OpenMetrics().gauge("ok", "h",
                List.of(new OpenMetrics.Sample(Map.of("bad label", "v"), 1))));
        assertThrows(IllegalArgumentException.class, () -> new OpenMetrics().gauge("twice", "h", List.of()).gauge("twice", "h", List.of()));
    }

    @Test
    void triageOfARealCaptureParses() throws Exception {
        Timeline timeline = Timeline.read(Inputs.expand(List.of(ServeFixture.root().resolve("samples/dax-poison-consumed-6x").toString()),
                System.in).inputs(), ScanOptions.defaults());
        Triage.Result result = Triage.run(timeline.events(), RuleLoader.load(RuleLoader.shipped()), Severity.INFO,
                timeline.addresses(), timeline.clockNotes());
        String text = TriageMetrics.write(result.incidents(), timeline.inputs().stream().mapToLong(InputSummary::lines).sum(), 0,
                Instant.parse("2026-12-07T00:00:00Z"));
        assertEquals("""
                # HELP daxray_triage_incidents Incidents daxray triage found in this host's captures, by severity.
                # TYPE daxray_triage_incidents gauge
                daxray_triage_incidents{severity="critical"} 0
                daxray_triage_incidents{severity="high"} 1
                daxray_triage_incidents{severity="medium"} 0
                daxray_triage_incidents{severity="low"} 0
                daxray_triage_incidents{severity="info"} 0
                # HELP daxray_triage_incidents_by_kind Incidents by kind and severity.
                # TYPE daxray_triage_incidents_by_kind gauge
                daxray_triage_incidents_by_kind{kind="dax-poison-consumed",severity="high"} 1
                # HELP daxray_triage_lines Lines read from the captures.
                # TYPE daxray_triage_lines gauge
                daxray_triage_lines 88
                # HELP daxray_triage_unparsed_lines Lines neither a log line of their input's format nor a message daxray reads.
                # TYPE daxray_triage_unparsed_lines gauge
                daxray_triage_unparsed_lines 0
                # HELP daxray_triage_last_run_timestamp_seconds When this triage ran (Unix time).
                # TYPE daxray_triage_last_run_timestamp_seconds gauge
                daxray_triage_last_run_timestamp_seconds 1796601600
                # EOF
                """, text);
        Promtool.check(text);
    }
}
