package dev.daxray.serve;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.incidents.Incident;
import dev.daxray.index.QueryText;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchResult;

/**
 * One incident laid out for a person: everything in its fleet incident JSON (summary, facts,
 * evidence timeline with file:line, pages and where they sit, processes, devices, filesystems,
 * advice, clock notes) and links to what is related: the same fingerprint elsewhere (which hosts,
 * which kernels), the same host and boot, the same pages on other hosts.
 */
final class IncidentPage {

    /** Pages whose "elsewhere" counts are looked up (each is one search). */
    private static final int PFN_LOOKUPS = 8;

    private IncidentPage() {
    }

    static String url(String id) {
        return Page.url("/incident", "id", id);
    }

    static void handle(Request request, LiveIndex live) throws IOException {
        String id = request.required("id", "the incident's id: /incident?id=HOST/ID");
        try (LiveIndex.Snapshot snap = live.acquire()) {
            FleetIncident f = snap.index().get(id);
            if (f == null) {
                Page page = Page.start("No such incident", null, live.notice());
                page.raw("<h1>No such incident</h1><p>The index has no incident <code>").text(id)
                        .raw("</code> (it may have been replaced when its host was read again). ")
                        .link(Page.search(QueryText.term("id", id)), "Search for it").raw(".</p>");
                request.send(404, "text/html; charset=utf-8", page.end(snap.opened()));
                return;
            }
            Page page = Page.start(f.incident().title(), null, live.notice());
            write(page, f, snap);
            request.send(200, "text/html; charset=utf-8", page.end(snap.opened()));
        }
    }

    private static void write(Page page, FleetIncident f, LiveIndex.Snapshot snap) throws IOException {
        Incident i = f.incident();
        String sev = i.severity().toLowerCase(Locale.ROOT);
        page.raw("<article class=\"incident\">\n<h1><span class=\"sev sev-").text(sev).raw("\">").text(sev).raw("</span> ")
                .text(i.title()).raw("</h1>\n<p class=\"lead\">").lines(i.summary()).raw("</p>\n<dl class=\"facts\">");
        fact(page, "host", () -> page.link(Page.search(QueryText.term("host", i.host())), i.host()));
        fact(page, "time", () -> page.text(Format.time(f.time()) + (f.timeSource() == null ? "" : " (" + f.timeSource() + ")")));
        fact(page, "kind", () -> page.link(Page.search(QueryText.term("kind", i.kind())), i.kind()));
        if (!i.labels().isEmpty()) {
            fact(page, "labels", () -> links(page, "labels", i.labels()));
        }
        if (i.kernel() != null) {
            fact(page, "kernel", () -> page.link(Page.search(QueryText.term("kernel", i.kernel())), i.kernel()));
        }
        fact(page, "boot", () -> page.num(i.boot()));
        if (i.start() != null) {
            fact(page, "evidence from", () -> page.text(i.start() + (i.end() == null ? "" : " to " + i.end())
                    + (i.start() instanceof java.math.BigDecimal ? " s since boot" : "")));
        }
        fact(page, "fingerprint", () -> page.raw("<code>").link(Page.search(QueryText.term("fingerprint", i.fingerprint())),
                i.fingerprint()).raw("</code>"));
        fact(page, "bundle", () -> page.text(f.bundle()));
        if (f.dmiModel() != null) {
            fact(page, "model", () -> page.link(Page.search(QueryText.term("model", f.dmiModel())), f.dmiModel()));
        }
        if (f.bios() != null) {
            fact(page, "bios", () -> page.link(Page.search(QueryText.term("bios", f.bios())), f.bios()));
        }
        fact(page, "id", () -> page.raw("<code>").text(f.id()).raw("</code> · ").link(Page.url("/api/incident", "id", f.id()), "JSON"));
        page.raw("</dl>\n");
        if (i.clock() != null) {
            page.raw("<p class=\"clock\"><strong>Clock:</strong> ").lines(i.clock()).raw("</p>\n");
        }
        if (i.advice() != null) {
            page.raw("<section><h2>Advice</h2><p class=\"advice\">").lines(i.advice()).raw("</p></section>\n");
        }
        evidence(page, i);
        pages(page, i);
        things(page, i);
        related(page, f, snap);
        page.raw("</article>\n");
    }

    private interface Body {
        void write() throws IOException;
    }

    private static void fact(Page page, String name, Body body) throws IOException {
        page.raw("<dt>").raw(name).raw("</dt><dd>");
        body.write();
        page.raw("</dd>");
    }

    private static void links(Page page, String field, List<String> values) {
        for (int k = 0; k < values.size(); k++) {
            page.raw(k == 0 ? "" : ", ").link(Page.search(QueryText.term(field, values.get(k))), values.get(k));
        }
    }

    private static void evidence(Page page, Incident i) {
        page.raw("<section><h2>Evidence</h2>");
        if (i.evidenceCount() > i.evidence().size()) {
            page.raw("<p class=\"muted\">").num(i.evidence().size()).raw(" of ").num(i.evidenceCount())
                    .raw(" lines: the first and the last.</p>");
        }
        page.raw("<table class=\"evidence\"><thead><tr><th>file:line</th><th>line</th></tr></thead><tbody>\n");
        for (Incident.Evidence e : i.evidence()) {
            page.raw("<tr><td class=\"mono nw\">").text(e.file() + ":" + e.line()).raw("</td><td class=\"mono log\">")
                    .text(e.text()).raw("</td></tr>\n");
        }
        page.raw("</tbody></table></section>\n");
    }

    private static void pages(Page page, Incident i) {
        if (i.pfns().isEmpty() && i.physAddrs().isEmpty() && i.locations().isEmpty()) {
            return;
        }
        page.raw("<section><h2>Pages</h2>");
        if (!i.pfns().isEmpty()) {
            page.raw("<p>pfn ");
            for (int k = 0; k < i.pfns().size(); k++) {
                page.raw(k == 0 ? "" : ", ").raw("<code>").link(Page.search("pfn:" + i.pfns().get(k)), i.pfns().get(k)).raw("</code>");
            }
            page.raw("</p>");
        }
        if (!i.physAddrs().isEmpty()) {
            page.raw("<p>physical address <code>").text(String.join(", ", i.physAddrs())).raw("</code></p>");
        }
        if (!i.locations().isEmpty()) {
            page.raw("<table class=\"locations\"><thead><tr><th>pfn</th><th>address</th><th>namespace</th><th>region</th>")
                    .raw("<th>sector</th><th>region sector</th><th>badblock</th><th>still needed</th></tr></thead><tbody>\n");
            for (Incident.Location l : i.locations()) {
                Incident.Badblock b = l.badblock();
                page.raw("<tr><td class=\"mono\">").text(l.pfn()).raw("</td><td class=\"mono\">").text(l.physAddr())
                        .raw("</td><td>").text(orDash(l.namespace())).raw("</td><td>").text(orDash(l.region()))
                        .raw("</td><td class=\"n\">").text(orDash(l.sector())).raw("</td><td class=\"n\">").text(orDash(l.regionSector()))
                        .raw("</td><td>").text(b == null ? (l.listed() ? "listed" : "-")
                                : b.device() + " sectors " + b.offset() + "+" + b.length())
                        .raw("</td><td>").text(orDash(l.needed())).raw("</td></tr>\n");
            }
            page.raw("</tbody></table>");
        }
        page.raw("</section>\n");
    }

    private static void things(Page page, Incident i) {
        if (i.processes().isEmpty() && i.devices().isEmpty() && i.filesystems().isEmpty()) {
            return;
        }
        page.raw("<section><h2>Processes, devices, filesystems</h2><dl class=\"facts\">");
        if (!i.processes().isEmpty()) {
            page.raw("<dt>processes</dt><dd>");
            for (int k = 0; k < i.processes().size(); k++) {
                Incident.Process p = i.processes().get(k);
                page.raw(k == 0 ? "" : ", ").link(Page.search(QueryText.term("comm", p.comm())), p.comm())
                        .text(p.pid() == null ? "" : " (pid " + p.pid() + ")");
            }
            page.raw("</dd>");
        }
        if (!i.devices().isEmpty()) {
            page.raw("<dt>devices</dt><dd>");
            links(page, "device", i.devices());
            page.raw("</dd>");
        }
        if (!i.filesystems().isEmpty()) {
            page.raw("<dt>filesystems</dt><dd>").text(String.join(", ", i.filesystems())).raw("</dd>");
        }
        page.raw("</dl></section>\n");
    }

    private static void related(Page page, FleetIncident f, LiveIndex.Snapshot snap) throws IOException {
        Incident i = f.incident();
        page.raw("<section class=\"related\"><h2>Related</h2>\n");
        String sameFp = QueryText.term("fingerprint", i.fingerprint()) + " -" + QueryText.term("id", f.id());
        SearchResult fp = snap.index().search(new SearchRequest(sameFp, null, null, 0, List.of("host", "kernel"), true,
                SearchPage.TIMEOUT_MILLIS, Instant.now()));      // quoted values: always a valid query
        int hosts = fp.groups().isEmpty() ? 0 : fp.groups().get(0).hosts();
        page.raw("<h3>Same fingerprint elsewhere</h3><p>");
        if (fp.total() == 0) {
            page.raw("No other incident has this fingerprint.</p>\n");
        } else {
            page.link(Page.search(sameFp), Format.count(fp.total(), "other incident")).raw(" with this fingerprint")
                    .raw(" on ").text(Format.count(hosts, "host")).raw(".</p>\n");
            countLinks(page, "hosts", "host", QueryText.term("fingerprint", i.fingerprint()), fp.facets().get("host"));
            countLinks(page, "kernels", "kernel", QueryText.term("fingerprint", i.fingerprint()), fp.facets().get("kernel"));
        }
        String sameBoot = QueryText.term("host", i.host()) + " boot:" + i.boot() + " -" + QueryText.term("id", f.id());
        SearchResult boot = count(snap, sameBoot, List.of(), 10);
        page.raw("<h3>Same host and boot</h3>");
        if (boot.total() == 0) {
            page.raw("<p>No other incident on this host in this boot.</p>\n");
        } else {
            page.raw("<ul class=\"plain\">");
            for (FleetIncident other : boot.hits()) {
                page.raw("<li><span class=\"mono\">").text(Format.time(other.time())).raw("</span> ")
                        .link(url(other.id()), other.incident().title()).raw("</li>");
            }
            page.raw("</ul>");
            if (boot.total() > boot.hits().size()) {
                page.raw("<p>").link(Page.search(sameBoot), "all " + Format.count(boot.total(), "incident")).raw("</p>");
            }
            page.raw("\n");
        }
        if (!i.pfns().isEmpty()) {
            page.raw("<h3>Same pages elsewhere</h3><ul class=\"plain\">");
            for (String pfn : i.pfns().subList(0, Math.min(PFN_LOOKUPS, i.pfns().size()))) {
                String q = "pfn:" + pfn + " -" + QueryText.term("host", i.host());
                long n = count(snap, q, List.of(), 0).total();
                page.raw("<li><code>").text(pfn).raw("</code>: ");
                if (n == 0) {
                    page.raw("on no other host");
                } else {
                    page.link(Page.search(q), Format.count(n, "incident") + " on other hosts");
                }
                page.raw("</li>");
            }
            page.raw("</ul>\n");
        }
        page.raw("</section>\n");
    }

    private static void countLinks(Page page, String title, String field, String base, List<SearchResult.Count> counts) {
        page.raw("<p class=\"chips\"><span class=\"muted\">").raw(title).raw(":</span> ");
        for (SearchResult.Count c : counts) {
            page.raw("<a class=\"chip\" href=\"").text(Page.search(base + " " + QueryText.term(field, c.value()))).raw("\">")
                    .text(c.value()).raw(" <span class=\"n\">").num(c.count()).raw("</span></a> ");
        }
        page.raw("</p>\n");
    }

    /** A related search; one the query language cannot express (a value it refuses) finds nothing. */
    private static SearchResult count(LiveIndex.Snapshot snap, String query, List<String> facets, int limit) throws IOException {
        try {
            return snap.index().search(new SearchRequest(query, null, null, limit, facets, false, SearchPage.TIMEOUT_MILLIS,
                    Instant.now()));
        } catch (dev.daxray.index.QueryException e) {
            return new SearchResult(0, List.of(), java.util.Map.of(), List.of(), false);
        }
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
