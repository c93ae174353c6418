package dev.daxray.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.daxray.index.FleetStats;
import dev.daxray.index.SearchResult;
import dev.daxray.output.OpenMetrics;

/**
 * {@code /metrics}: the fleet summary as gauges. Label cardinality is bounded whatever the fleet:
 * severities (5) and kinds (the rules'), the {@value #TOP_KERNELS} kernels and {@value #TOP_HOSTS}
 * hosts with the most incidents (the rest summed under the value {@value #OTHER}), and the
 * {@value #TOP_FINGERPRINTS} fingerprints on the most hosts.
 */
final class FleetMetrics {

    static final int TOP_HOSTS = 100;
    static final int TOP_KERNELS = 50;
    static final int TOP_FINGERPRINTS = 50;
    /** The label value that sums everything past a top list. */
    static final String OTHER = "__other__";

    private FleetMetrics() {
    }

    static String write(FleetStats s) {
        List<OpenMetrics.Sample> fingerprints = new ArrayList<>();
        for (SearchResult.FingerprintGroup g : s.topFingerprints().subList(0, Math.min(TOP_FINGERPRINTS, s.topFingerprints().size()))) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("fingerprint", g.fingerprint());
            labels.put("kind", g.kind() == null ? "" : g.kind());
            fingerprints.add(new OpenMetrics.Sample(labels, g.hosts()));
        }
        return new OpenMetrics()
                .gauge("daxray_incidents", "Incidents in the index.", List.of(OpenMetrics.Sample.of(s.incidents())))
                .gauge("daxray_hosts", "Hosts with at least one incident.", List.of(OpenMetrics.Sample.of(s.hosts())))
                .gauge("daxray_host_bundles", "Host bundles read into the index.", List.of(OpenMetrics.Sample.of(s.bundles())))
                .gauge("daxray_host_bundles_read_in_part", "Host bundles some of whose inputs could not be read.",
                        List.of(OpenMetrics.Sample.of(s.bundleProblems().size())))
                .gauge("daxray_incidents_untimed", "Incidents without a wall-clock time.", List.of(OpenMetrics.Sample.of(s.untimed())))
                .gauge("daxray_incidents_by_severity", "Incidents by severity.", samples("severity", s.bySeverity(), Integer.MAX_VALUE, 0))
                .gauge("daxray_incidents_by_kind", "Incidents by kind.", samples("kind", s.byKind(), Integer.MAX_VALUE, 0))
                .gauge("daxray_incidents_by_kernel", "Incidents by kernel release (the " + TOP_KERNELS
                        + " with the most; the rest as kernel=\"" + OTHER + "\").", samples("kernel", s.byKernel(), TOP_KERNELS, s.incidents()))
                .gauge("daxray_incidents_by_host", "Incidents by host (the " + TOP_HOSTS
                        + " with the most; the rest as host=\"" + OTHER + "\").", samples("host", s.topHosts(), TOP_HOSTS, s.incidents()))
                .gauge("daxray_fingerprint_hosts", "Hosts sharing a fingerprint (the " + TOP_FINGERPRINTS + " on the most hosts).",
                        fingerprints)
                .text();
    }

    /**
     * The first {@code top} counts as samples, and, when {@code total} is more than they add up
     * to, the rest as one sample labelled {@link #OTHER} ({@code total} 0: none).
     */
    private static List<OpenMetrics.Sample> samples(String label, List<SearchResult.Count> counts, int top, long total) {
        List<OpenMetrics.Sample> out = new ArrayList<>();
        long shown = 0;
        for (SearchResult.Count c : counts.subList(0, Math.min(top, counts.size()))) {
            if (c.value().equals(OTHER)) {
                continue;           // a host really named so is summed with the rest: no duplicate series
            }
            out.add(OpenMetrics.Sample.of(label, c.value(), c.count()));
            shown += c.count();
        }
        if (total > shown) {
            out.add(OpenMetrics.Sample.of(label, OTHER, total - shown));
        }
        return out;
    }
}
