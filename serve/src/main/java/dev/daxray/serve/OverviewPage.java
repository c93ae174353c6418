package dev.daxray.serve;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.daxray.index.FleetStats;
import dev.daxray.index.QueryText;
import dev.daxray.index.SearchResult;
import dev.daxray.output.SvgCharts;
import dev.daxray.rules.Severity;

/**
 * The fleet overview: what {@code daxray report} shows, from the same {@link FleetStats} (one pass
 * of {@code FleetTally} over the index, cached per opened commit), with every bar and every part of
 * a day's column a link to the search that lists its incidents.
 */
final class OverviewPage {

    /** Rows of the top lists. */
    static final int TOP = 20;

    private OverviewPage() {
    }

    static void handle(Request request, LiveIndex live) throws IOException {
        try (LiveIndex.Snapshot snap = live.acquire()) {
            FleetStats s = snap.stats();
            Page page = Page.start("Fleet", "/overview", live.notice());
            page.raw("<h1>Fleet</h1>\n<p class=\"summary\">").text(Format.count(s.incidents(), "incident")).raw(" on ")
                    .text(Format.count(s.hosts(), "host")).raw("; ").text(Format.count(s.bundles(), "host bundle"))
                    .raw(" read.</p>\n<div class=\"grid\">");
            section(page, "Incidents by severity", bars(s.bySeverity(), "severity"));
            section(page, "Incidents by kind", bars(s.byKind(), "kind"));
            page.raw("</div>\n");
            List<String> severities = Severity.labels();
            section(page, "Severity over time (UTC days)", SvgCharts.stacked(SvgCharts.columns(s.severityByDay(), severities,
                    (day, sev) -> day(day, QueryText.term("severity", sev))), severities));
            if (s.untimed() > 0) {
                page.raw("<p class=\"muted\">").text(Format.count(s.untimed(), "incident")).raw(" without a time, not shown above.</p>");
            }
            TreeSet<String> kernels = new TreeSet<>();
            s.kernelByDay().values().forEach(m -> kernels.addAll(m.keySet()));
            List<String> kernelList = new ArrayList<>(kernels);
            section(page, "Kernels over time (UTC days)", SvgCharts.stacked(SvgCharts.columns(s.kernelByDay(), kernelList,
                    (day, kernel) -> day(day, QueryText.term("kernel", kernel))), kernelList));
            page.raw("<div class=\"grid\">");
            section(page, "Incidents by kernel", bars(s.byKernel().subList(0, Math.min(TOP, s.byKernel().size())), "kernel"));
            section(page, "Hosts with the most incidents", bars(s.topHosts().subList(0, Math.min(TOP, s.topHosts().size())), "host"));
            page.raw("</div>\n");
            fingerprints(page, s.topFingerprints().subList(0, Math.min(TOP, s.topFingerprints().size())));
            if (!s.bundleProblems().isEmpty()) {
                page.raw("<section><h2>Hosts read in part</h2><ul>\n");
                s.bundleProblems().forEach((bundle, problems) -> page.raw("<li>")
                        .link(Page.search(QueryText.term("bundle", bundle)), bundle).raw(": ").text(String.join("; ", problems))
                        .raw("</li>\n"));
                page.raw("</ul></section>\n");
            }
            request.send(200, "text/html; charset=utf-8", page.end(snap.opened()));
        }
    }

    private static void section(Page page, String title, String chart) {
        page.raw("<section class=\"chart\"><h2>").raw(title).raw("</h2>\n").raw(chart).raw("</section>\n");
    }

    private static String bars(List<SearchResult.Count> counts, String field) {
        return SvgCharts.bars(counts.stream()
                .map(c -> new SvgCharts.Bar(c.value(), c.count(), Page.search(QueryText.term(field, c.value())))).toList());
    }

    /** A search for {@code query} on one UTC day. */
    private static String day(String day, String query) {
        LocalDate d = LocalDate.parse(day);
        return Page.url("/", "q", query, "since", d.toString(), "until", d.plusDays(1).toString());
    }

    private static void fingerprints(Page page, List<SearchResult.FingerprintGroup> groups) {
        page.raw("<section><h2>Top fingerprints by host count</h2><table class=\"hits\"><thead><tr><th>fingerprint</th>")
                .raw("<th>kind</th><th>hosts</th><th>incidents</th><th>hosts (first few)</th></tr></thead><tbody>\n");
        for (SearchResult.FingerprintGroup g : groups) {
            page.raw("<tr><td class=\"mono\">").link(Page.search(QueryText.term("fingerprint", g.fingerprint())), g.fingerprint())
                    .raw("</td><td>").text(g.kind()).raw("</td><td class=\"n\">").num(g.hosts()).raw("</td><td class=\"n\">")
                    .num(g.incidents()).raw("</td><td>").text(String.join(", ", g.sampleHosts())).raw("</td></tr>\n");
        }
        page.raw("</tbody></table></section>\n");
    }
}
