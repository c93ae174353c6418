package dev.daxray.serve;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.index.QueryException;
import dev.daxray.index.QueryText;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchResult;
import dev.daxray.index.SearchWithHistogram;
import dev.daxray.index.TimeHistogram;
import dev.daxray.index.TimeSpec;
import dev.daxray.output.Untrusted;

/**
 * The search page: the query box (errors with a caret under it), the time range, a histogram of
 * the matches over time, facets as filters that add to the query, the newest matches or the
 * fingerprints they share, and pages. Same query language, limits and errors as {@code daxray search}.
 */
final class SearchPage {

    /** The facets shown beside the results. */
    static final List<String> FACETS = List.of("kind", "severity", "kernel", "host", "model", "bios", "fs", "device");
    /** Facet values shown before "more". */
    private static final int FACET_ROWS = 8;
    /** A search stops after this long and says its counts are partial (as {@code search --timeout}). */
    static final long TIMEOUT_MILLIS = 10_000;
    static final int HISTOGRAM_BARS = 60;
    private static final int GROUP_ROWS = 100;
    private static final String[] PRESETS = {"24h", "7d", "30d", "90d", "365d"};

    private SearchPage() {
    }

    /** What one search found, or why it could not run. */
    private record Outcome(SearchResult result, TimeHistogram histogram, String error, int column, String timeError) {
    }

    static void handle(Request request, LiveIndex live) throws IOException {
        SearchState state = SearchState.of(request);
        Outcome outcome;
        Instant opened;
        try (LiveIndex.Snapshot snap = live.acquire()) {
            opened = snap.opened();
            outcome = search(snap, state);
        }
        int status = outcome.error() != null || outcome.timeError() != null ? 400 : 200;
        String title = state.q().isBlank() ? "Search" : state.q();
        Page page = Page.start(title, "/", live.notice());
        form(page, state, outcome);
        if (outcome.result() != null) {
            results(page, state, outcome);
        }
        request.send(status, "text/html; charset=utf-8", page.end(opened));
    }

    private static Outcome search(LiveIndex.Snapshot snap, SearchState state) throws IOException {
        Instant now = Instant.now();
        Long since;
        Long until;
        try {
            since = state.since() == null ? null : TimeSpec.parse(state.since(), now);
            until = state.until() == null ? null : TimeSpec.parse(state.until(), now);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, null, null, 0, e.getMessage());
        }
        int limit = state.page() * SearchState.PAGE_SIZE;
        SearchRequest request = new SearchRequest(state.q(), since, until, limit, FACETS, state.group(), TIMEOUT_MILLIS, now);
        try {
            SearchWithHistogram found = snap.index().searchWithHistogram(request, HISTOGRAM_BARS);
            return new Outcome(found.result(), found.histogram(), null, 0, null);
        } catch (QueryException e) {
            return new Outcome(null, null, e.getMessage(), e.column(), null);
        }
    }

    private static void form(Page page, SearchState state, Outcome outcome) {
        page.raw("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">\n")
                .raw("<div class=\"qrow\"><label for=\"q\" class=\"vh\">Query</label>")
                .raw("<input id=\"q\" name=\"q\" class=\"mono\" type=\"search\" spellcheck=\"false\" autocomplete=\"off\" ")
                .raw("placeholder=\"kind:dax-poison-consumed AND kernel:6.8*\" value=\"").text(state.q()).raw("\"")
                .raw(outcome.error() != null ? " aria-invalid=\"true\" aria-describedby=\"qerror\"" : "").raw(">")
                .raw("<button type=\"submit\">Search</button></div>\n");
        if (outcome.error() != null) {
            page.raw("<div id=\"qerror\" class=\"error\" role=\"alert\"><p>").text(outcome.error()).raw("</p>");
            if (outcome.column() > 0 && outcome.column() <= state.q().length() + 1) {
                page.raw("<pre class=\"caret\">").text(state.q()).raw("\n")
                        .raw(" ".repeat(Untrusted.terminal(state.q().substring(0, outcome.column() - 1)).length())).raw("^</pre>");
            }
            page.raw("</div>\n");
        }
        page.raw("<div class=\"trow\"><label>since <input name=\"since\" class=\"mono\" list=\"times\" size=\"22\" value=\"")
                .text(state.since() == null ? "" : state.since()).raw("\" placeholder=\"7d, 2026-03-01\"></label> ")
                .raw("<label>until <input name=\"until\" class=\"mono\" list=\"times\" size=\"22\" value=\"")
                .text(state.until() == null ? "" : state.until()).raw("\" placeholder=\"now\"></label> ")
                .raw("<label><input type=\"checkbox\" name=\"group\" value=\"fingerprint\"").raw(state.group() ? " checked" : "")
                .raw("> group by fingerprint</label>")
                .raw("<datalist id=\"times\"><option value=\"now\">");
        for (String p : PRESETS) {
            page.raw("<option value=\"").raw(p).raw("\">");
        }
        page.raw("</datalist></div>\n<p class=\"presets\">last ");
        for (String p : PRESETS) {
            page.link(state.withTime(p, null).url(), p).raw(" ");
        }
        page.link(state.withTime(null, null).url(), "all time").raw("</p>\n");
        if (outcome.timeError() != null) {
            page.raw("<div class=\"error\" role=\"alert\"><p>").text(outcome.timeError()).raw("</p></div>\n");
        }
        page.raw("</form>\n");
    }

    private static void results(Page page, SearchState state, Outcome outcome) {
        SearchResult r = outcome.result();
        int first = (state.page() - 1) * SearchState.PAGE_SIZE;
        List<FleetIncident> shown = r.hits().size() > first ? r.hits().subList(first, r.hits().size()) : List.of();
        page.raw("<p class=\"summary\" id=\"total\">").raw(r.partial() ? "at least " : "").text(Format.count(r.total(), "incident"))
                .raw(r.total() == 1 ? " matches" : " match");
        if (!shown.isEmpty() && !state.group()) {
            page.raw(" · showing ").num(first + 1).raw("–").num(first + shown.size());
        }
        if (r.partial()) {
            page.raw(" <strong>(partial: the search hit its time limit)</strong>");
        }
        page.raw("</p>\n");
        Histogram.write(page, state, outcome.histogram());
        page.raw("<div class=\"cols\">\n<aside class=\"facets\" aria-label=\"Filters\">\n");
        for (Map.Entry<String, List<SearchResult.Count>> facet : r.facets().entrySet()) {
            facet(page, state, facet.getKey(), facet.getValue());
        }
        page.raw("</aside>\n<section class=\"results\" aria-label=\"Results\">\n");
        if (state.group()) {
            groups(page, state, r.groups());
        } else {
            hits(page, shown);
            pager(page, state, r.total());
        }
        page.raw("</section>\n</div>\n");
    }

    private static void facet(Page page, SearchState state, String field, List<SearchResult.Count> counts) {
        if (counts.isEmpty()) {
            return;
        }
        page.raw("<section class=\"facet\"><h3>").raw(field).raw("</h3><ul>");
        for (int i = 0; i < counts.size(); i++) {
            if (i == FACET_ROWS) {
                page.raw("</ul><details><summary>").num(counts.size() - FACET_ROWS).raw(" more</summary><ul>");
            }
            SearchResult.Count c = counts.get(i);
            String term = QueryText.term(field, c.value());
            boolean active = (" " + state.q() + " ").contains(" " + term + " ");
            String target = active ? state.q().replace(term, "").replaceAll("\\s+", " ").strip()
                    : QueryText.and(state.q(), term);
            page.raw("<li").raw(active ? " class=\"on\"" : "").raw("><a class=\"fv\" href=\"")
                    .text(state.withQuery(target).url()).raw("\"")
                    .raw(active ? " aria-pressed=\"true\" title=\"remove this filter\"" : " title=\"only these\"").raw(">")
                    .raw(field.equals("severity") ? "<span class=\"sev sev-" + Page.h(c.value()) + "\">" : "<span>")
                    .text(c.value()).raw("</span></a> <span class=\"n\">").num(c.count()).raw("</span>");
            if (!active) {
                page.raw(" <a class=\"not\" href=\"").text(state.withQuery(QueryText.and(state.q(), "-" + term)).url())
                        .raw("\" title=\"all but these\" aria-label=\"exclude ").text(c.value()).raw("\">−</a>");
            }
            page.raw("</li>");
        }
        page.raw(counts.size() > FACET_ROWS ? "</ul></details>" : "</ul>").raw("</section>\n");
    }

    private static void hits(Page page, List<FleetIncident> shown) {
        if (shown.isEmpty()) {
            page.raw("<p>No incident on this page.</p>\n");
            return;
        }
        page.raw("<table class=\"hits\"><thead><tr><th>time (UTC)</th><th>severity</th><th>host</th><th>kind</th>")
                .raw("<th>title</th></tr></thead><tbody>\n");
        for (FleetIncident f : shown) {
            String sev = f.incident().severity().toLowerCase(Locale.ROOT);
            page.raw("<tr class=\"hit\"><td class=\"mono nw\">").text(Format.time(f.time())).raw("</td><td><span class=\"sev sev-")
                    .text(sev).raw("\">").text(sev).raw("</span></td><td class=\"nw\">").text(f.incident().host()).raw("</td><td class=\"nw\">")
                    .text(f.incident().kind()).raw("</td><td><a class=\"title\" href=\"").text(IncidentPage.url(f.id())).raw("\">")
                    .text(f.incident().title()).raw("</a></td></tr>\n");
        }
        page.raw("</tbody></table>\n");
    }

    private static void groups(Page page, SearchState state, List<SearchResult.FingerprintGroup> groups) {
        if (groups.isEmpty()) {
            page.raw("<p>No fingerprint among the matches.</p>\n");
            return;
        }
        page.raw("<table class=\"hits groups\"><thead><tr><th>fingerprint</th><th>kind</th><th>hosts</th><th>incidents</th>")
                .raw("<th>on</th></tr></thead><tbody>\n");
        for (SearchResult.FingerprintGroup g : groups.subList(0, Math.min(GROUP_ROWS, groups.size()))) {
            page.raw("<tr><td class=\"mono\"><a href=\"")
                    .text(state.withGroup(false).withQuery(QueryText.and(state.q(), QueryText.term("fingerprint", g.fingerprint()))).url())
                    .raw("\">").text(g.fingerprint()).raw("</a></td><td>").text(g.kind()).raw("</td><td class=\"n\">on ")
                    .text(Format.count(g.hosts(), "host")).raw("</td><td class=\"n\">").num(g.incidents()).raw("</td><td>")
                    .text(String.join(", ", g.sampleHosts())).raw(g.hosts() > g.sampleHosts().size() ? ", …" : "").raw("</td></tr>\n");
        }
        page.raw("</tbody></table>\n");
        if (groups.size() > GROUP_ROWS) {
            page.raw("<p>").num(groups.size() - GROUP_ROWS).raw(" more fingerprints; narrow the query to see them.</p>\n");
        }
    }

    private static void pager(Page page, SearchState state, long total) {
        long pages = Math.min(SearchState.MAX_PAGE, (total + SearchState.PAGE_SIZE - 1) / SearchState.PAGE_SIZE);
        if (pages <= 1) {
            return;
        }
        page.raw("<nav class=\"pager\" aria-label=\"Pages\">");
        if (state.page() > 1) {
            page.raw("<a rel=\"prev\" href=\"").text(state.withPage(state.page() - 1).url()).raw("\">← newer</a>");
        }
        page.raw("<span>page ").num(state.page()).raw(" of ").num(pages).raw("</span>");
        if (state.page() < pages) {
            page.raw("<a rel=\"next\" href=\"").text(state.withPage(state.page() + 1).url()).raw("\">older →</a>");
        }
        page.raw("</nav>\n");
        if (total > (long) SearchState.MAX_PAGE * SearchState.PAGE_SIZE && state.page() == pages) {
            page.raw("<p>Pages stop at ").num((long) SearchState.MAX_PAGE * SearchState.PAGE_SIZE)
                    .raw(" incidents; narrow the query or the time range for older ones.</p>\n");
        }
    }
}
