package dev.daxray.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.daxray.index.FleetStats;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchResult;
import dev.daxray.output.SvgCharts;
import dev.daxray.output.Untrusted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daxray report}: the fleet summary of an incident index. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
                "Summarise the incident index for the fleet.",
                "Top fingerprints by host count, incidents by kind, kernel and severity over time, hosts",
                "with the most incidents, and hosts that could only be read in part.",
                "Text on standard output; --html also writes one self-contained page (inline SVG, no network)."},
        footer = {"", "Examples:",
                "  daxray report --index idx",
                "  daxray report --index idx --html fleet.html",
                "",
                "Exit codes: 0 ok, 2 usage error, no index or a damaged index, 4 internal error,",
                "5 out of memory."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory.")
    Path index;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML page with charts to FILE.")
    Path html;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Rows in the top lists (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    DebugOption debug = new DebugOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (html != null && html.toString().equals("-")) {
            throw Cli.usageError(spec, "--html needs a file name: standard output carries the text report");
        }
        if (top < 1) {
            throw Cli.usageError(spec, "--top must be at least 1, not [" + top + "]");
        }
        FleetStats stats;
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            stats = idx.stats(top);
        }
        PrintWriter out = spec.commandLine().getOut();
        text(out, stats);
        out.flush();
        if (html != null) {
            try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                w.write(html(stats));
            }
            spec.commandLine().getErr().println("daxray: wrote " + html);
        }
        return ExitCodes.OK;
    }

    static void text(PrintWriter out, FleetStats s) {
        out.printf("fleet: %d incidents on %d hosts; %d host bundles read%n", s.incidents(), s.hosts(), s.bundles());
        section(out, "incidents by severity", s.bySeverity());
        section(out, "incidents by kind", s.byKind());
        section(out, "incidents by kernel", s.byKernel());
        out.println();
        out.println("top fingerprints by host count:");
        for (SearchResult.FingerprintGroup g : s.topFingerprints()) {
            out.printf("  %s  %-26s  %4d hosts  %5d incidents  e.g. %s%n", safe(g.fingerprint()), safe(g.kind()), g.hosts(),
                    g.incidents(), safe(String.join(", ", g.sampleHosts().subList(0, Math.min(3, g.sampleHosts().size())))));
        }
        section(out, "hosts with the most incidents", s.topHosts());
        out.println();
        out.println("severity over time (UTC days):");
        List<String> severities = dev.daxray.rules.Severity.labels();
        for (Map.Entry<String, Map<String, Long>> day : s.severityByDay().entrySet()) {
            List<String> parts = new ArrayList<>();
            for (String sev : severities) {
                Long n = day.getValue().get(sev);
                if (n != null) {
                    parts.add(sev + " " + n);
                }
            }
            out.println("  " + safe(day.getKey()) + "  " + String.join(", ", parts));
        }
        if (s.untimed() > 0) {
            out.println("  (" + s.untimed() + " incidents without a time)");
        }
        out.println();
        out.println("kernels over time (UTC days):");
        for (Map.Entry<String, Map<String, Long>> day : s.kernelByDay().entrySet()) {
            List<String> parts = new ArrayList<>();
            day.getValue().forEach((k, n) -> parts.add(safe(k) + " " + n));
            out.println("  " + safe(day.getKey()) + "  " + String.join(", ", parts));
        }
        if (!s.bundleProblems().isEmpty()) {
            out.println();
            out.println("hosts read in part:");
            s.bundleProblems().forEach((b, problems) -> out.println("  " + safe(b) + ": " + safe(String.join("; ", problems))));
        }
    }

    private static void section(PrintWriter out, String title, List<SearchResult.Count> counts) {
        out.println();
        out.println(title + ":");
        int width = counts.stream().mapToInt(c -> safe(c.value()).length()).max().orElse(1);
        for (SearchResult.Count c : counts) {
            out.printf("  %-" + width + "s  %d%n", safe(c.value()), c.count());
        }
    }

    // ---- HTML

    static String html(FleetStats s) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>daxray fleet report</title>\n")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}table{border-collapse:collapse}")
                .append("td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #ddd}td.n{text-align:right}")
                .append("code{font-size:12px}.legend span{display:inline-block;margin-right:1em}</style></head><body>\n");
        h.append("<h1>daxray fleet report</h1>\n<p>").append(s.incidents()).append(" incidents on ").append(s.hosts())
                .append(" hosts; ").append(s.bundles()).append(" host bundles read.</p>\n");
        h.append("<h2>Incidents by severity</h2>\n").append(bars(s.bySeverity()));
        h.append("<h2>Incidents by kind</h2>\n").append(bars(s.byKind()));
        h.append("<h2>Severity over time (UTC days)</h2>\n")
                .append(stacked(s.severityByDay(), dev.daxray.rules.Severity.labels()));
        if (s.untimed() > 0) {
            h.append("<p>").append(s.untimed()).append(" incidents have no time and are not shown above.</p>\n");
        }
        TreeSet<String> kernels = new TreeSet<>();
        s.kernelByDay().values().forEach(m -> kernels.addAll(m.keySet()));
        h.append("<h2>Kernels over time (UTC days)</h2>\n").append(stacked(s.kernelByDay(), new ArrayList<>(kernels)));
        h.append("<h2>Incidents by kernel</h2>\n").append(bars(s.byKernel()));
        h.append("<h2>Top fingerprints by host count</h2>\n<table><tr><th>fingerprint</th><th>kind</th><th>hosts</th>")
                .append("<th>incidents</th><th>hosts (first few)</th></tr>\n");
        for (SearchResult.FingerprintGroup g : s.topFingerprints()) {
            h.append("<tr><td><code>").append(esc(g.fingerprint())).append("</code></td><td>").append(esc(g.kind()))
                    .append("</td><td class=n>").append(g.hosts()).append("</td><td class=n>").append(g.incidents())
                    .append("</td><td>").append(esc(String.join(", ", g.sampleHosts()))).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Hosts with the most incidents</h2>\n").append(bars(s.topHosts()));
        if (!s.bundleProblems().isEmpty()) {
            h.append("<h2>Hosts read in part</h2>\n<ul>\n");
            s.bundleProblems().forEach((b, p) -> h.append("<li><b>").append(esc(b)).append("</b>: ")
                    .append(esc(String.join("; ", p))).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String bars(List<SearchResult.Count> counts) {
        return SvgCharts.bars(counts.stream().map(c -> new SvgCharts.Bar(c.value(), c.count(), null)).toList());
    }

    private static String stacked(Map<String, Map<String, Long>> byDay, List<String> series) {
        return SvgCharts.stacked(SvgCharts.columns(byDay, series, null), series);
    }

    private static String safe(String text) {
        return Untrusted.terminal(text);
    }

    private static String esc(String s) {
        return Untrusted.html(s);
    }
}
