package dev.daxray.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.fleet.FleetJson;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchJson;
import dev.daxray.index.SearchRequest;

/** Every endpoint and error of {@code daxray serve}, over real HTTP on 127.0.0.1. */
class WebServerTest {

    @TempDir
    static Path dir;
    static ServeFixture web;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        web = new ServeFixture(dir);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertSecure(HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
    }

    /** No payload's markup, and the page's only script element is its own file. */
    private static void assertNoPayload(String html) {
        for (String markup : ServeFixture.PAYLOAD_MARKUP) {
            assertFalse(html.contains(markup), () -> "unescaped " + markup + " in\n" + html);
        }
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<[a-zA-Z][a-zA-Z0-9]*((?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*/?>")
                .matcher(html);
        while (tag.find()) {
            java.util.regex.Matcher attribute = java.util.regex.Pattern.compile("\\s+([^\\s=>/]+)").matcher(
                    tag.group(1).replaceAll("=\"[^\"]*\"", ""));
            while (attribute.find()) {
                assertFalse(attribute.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("on"),
                        () -> "an event handler attribute: " + tag.group());
            }
        }
        assertEquals(1, html.split("<script", -1).length - 1, "one script element");
        assertTrue(html.contains("<script src=\"/static/app.js?v="), "the script is a file");
        assertFalse(html.contains(" style=\""), "no inline style (CSP style-src 'self')");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("href=\"//"),
                "nothing from elsewhere: the page works offline");
    }

    @Test
    void searchPageListsNewestFirstWithFacetsHistogramAndLinks() throws Exception {
        HttpResponse<String> r = web.get("/?q=" + enc("kind:dax-poison-consumed"));
        assertEquals(200, r.statusCode());
        assertSecure(r);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("4 incidents match"), html);
        // newest first: dax-node-3 (2026-11-21) before pmem-host-07 (2026-03-09)
        assertTrue(html.indexOf("dax-node-3") < html.indexOf("pmem-host-07"), "newest first");
        assertTrue(html.contains("<span class=\"sev sev-critical\">critical</span>"), "severity colour class");
        assertTrue(html.contains("href=\"/?q=kind%3Adax-poison-consumed+host%3A%22db-01%22\""), "facet adds to the query");
        assertTrue(html.contains("href=\"/?q=kind%3Adax-poison-consumed+-host%3A%22db-01%22\""), "facet exclusion");
        for (String facet : SearchPage.FACETS) {
            if (!facet.equals("fs")) {
                assertTrue(html.contains("<h3>" + facet + "</h3>"), facet);
            }
        }
        assertTrue(html.contains("id=\"histogram\"") && html.contains("data-from=\"") && html.contains("since=2026-"), "histogram");
        assertTrue(html.contains("href=\"/incident?id=dax-node-3%2F"), "incident link");
        assertNoPayload(html);
    }

    @Test
    void activeFacetIsMarkedAndRemovable() throws Exception {
        String html = web.get("/?q=" + enc("kind:dax-poison-consumed host:\"db-01\"")).body();
        assertTrue(html.contains("1 incident matches"), html);
        assertTrue(html.contains("<li class=\"on\"><a class=\"fv\" href=\"/?q=kind%3Adax-poison-consumed\""), html);
    }

    @Test
    void badQueryShowsTheColumnWithACaretUnderTheBox() throws Exception {
        HttpResponse<String> r = web.get("/?q=" + enc("kind:x AND kidn:y"));
        assertEquals(400, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("query:12: unknown field [kidn]; did you mean [kind]?"), html);
        assertTrue(html.contains("<pre class=\"caret\">kind:x AND kidn:y\n           ^</pre>"), html);
        assertTrue(html.contains("aria-invalid=\"true\""), "the box is marked");
    }

    @Test
    void searchLimitsApply() throws Exception {
        assertEquals(400, web.get("/?q=" + enc("host:*web")).statusCode(), "leading wildcard refused");
        HttpResponse<String> r = web.get("/?q=" + enc("x".repeat(4_097)));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("4096"), r.body());
        HttpResponse<String> api = web.get("/api/search?q=" + enc("host:*web"));
        assertEquals(400, api.statusCode());
        assertTrue(api.body().contains("\"error\""), api.body());
    }

    @Test
    void timeRangeFiltersAndBadTimesAreSaid() throws Exception {
        String html = web.get("/?q=" + enc("kind:dax-poison-consumed") + "&since=2026-11-01&until=2026-11-30").body();
        assertTrue(html.contains("1 incident matches"), html);
        assertTrue(html.contains("value=\"2026-11-01\""), "the range stays in the form");
        HttpResponse<String> bad = web.get("/?since=yesterday");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("bad time [yesterday]"), bad.body());
    }

    @Test
    void groupByFingerprintSaysOnHowManyHosts() throws Exception {
        String html = web.get("/?q=" + enc("kind:dax-poison-consumed") + "&group=fingerprint").body();
        assertTrue(html.contains("on 2 hosts"), html);
        assertTrue(html.contains("db-01, db-02"), html);
    }

    @Test
    void pagesAreBounded() throws Exception {
        String html = web.get("/?q=kind:soft-offline&page=2").body();
        assertTrue(html.contains("24 incidents match · showing 21–24"), html);
        assertTrue(html.contains("rel=\"prev\" href=\"/?q=kind%3Asoft-offline\""), html);
        assertTrue(html.contains("page 2 of 2"), html);
        String results = html.substring(html.indexOf("<section class=\"results\""));
        assertTrue(results.indexOf("filler-03") < results.indexOf("filler-00"), "older ones on page 2, newest first");
        assertFalse(results.contains("filler-04"), "page 1's");
        assertEquals(400, web.get("/?page=0").statusCode());
        assertEquals(400, web.get("/?page=" + (SearchState.MAX_PAGE + 1)).statusCode());
        assertEquals(400, web.get("/?page=x").statusCode());
    }

    @Test
    void incidentPageShowsEverythingAndLinksToRelated() throws Exception {
        String id = web.get("/api/search?q=" + enc("host:db-01 kind:dax-poison-consumed")).body();
        String fleetId = JSON.readTree(id).get("incidents").get(0).get("host").asText() + "/"
                + JSON.readTree(id).get("incidents").get(0).get("id").asText();
        HttpResponse<String> r = web.get("/incident?id=" + enc(fleetId));
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<h2>Evidence</h2>") && html.matches("(?s).*db-01/[^<]*:\\d+</td>.*"), "evidence with file:line");
        assertTrue(html.contains("<h2>Pages</h2>") && html.contains("0x3c1b0a"), "pfns");
        assertTrue(html.contains("<h2>Advice</h2>"), "advice");
        assertTrue(html.contains("fsx") && html.contains("(pid 4242)"), "processes");
        assertTrue(html.contains("Same fingerprint elsewhere") && html.contains("1 other incident</a> with this fingerprint on 1 host"), html);
        assertTrue(html.contains("href=\"/?q=fingerprint%3A%22"), "fingerprint link");
        assertTrue(html.contains("Same host and boot") && html.contains("Same pages elsewhere"), html);
        assertTrue(html.contains("1 incident on other hosts"), "db-02 has the same pfn");
        assertNoPayload(html);
    }

    @Test
    void incidentErrors() throws Exception {
        HttpResponse<String> missing = web.get("/incident?id=" + enc("nope/1"));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("No such incident"));
        assertEquals(400, web.get("/incident").statusCode());
        HttpResponse<String> api = web.get("/api/incident?id=" + enc("nope/1"));
        assertEquals(404, api.statusCode());
        assertEquals("no incident nope/1 in the index", JSON.readTree(api.body()).get("error").asText());
        assertEquals(400, web.get("/api/incident").statusCode());
    }

    @Test
    void hostileStringsAreEscapedOnEveryPage() throws Exception {
        String search = web.get("/?q=" + enc("kind:" + ServeFixture.HOSTILE_KIND)).body();
        assertTrue(search.contains("3 incidents match"), search);
        assertTrue(search.contains("&lt;script&gt;alert(&#39;xss-host&#39;)&lt;/script&gt;"), "host shown escaped");
        assertNoPayload(search);
        assertNoPayload(web.get("/?q=" + enc("kind:" + ServeFixture.HOSTILE_KIND) + "&group=fingerprint").body());
        assertNoPayload(web.get("/?q=" + enc(ServeFixture.EVIDENCE)).body());
        String incident = web.get("/incident?id=" + enc(ServeFixture.HOST + "/bad1")).body();
        assertTrue(incident.contains("&lt;img src=x onerror=alert(&#39;xss-kernel&#39;)&gt;"), incident);
        assertTrue(incident.contains("&quot;&gt;&lt;svg onload=alert(&#39;xss-comm&#39;)&gt;"), "process name escaped");
        assertTrue(incident.contains("Same fingerprint elsewhere") && incident.contains("on 2 hosts"), incident);
        assertNoPayload(incident);
        assertNoPayload(web.get("/overview").body());
        assertNoPayload(web.get("/incident?id=" + enc(ServeFixture.HOST)).body());
        assertNoPayload(web.get("/" + enc(ServeFixture.HOST)).body());
    }

    @Test
    void hostileValuesSearchBackExactly() throws Exception {
        // A facet link is the value quoted: a host with quotes and brackets finds itself.
        String html = web.get("/?q=" + enc(dev.daxray.index.QueryText.term("host", ServeFixture.HOST))).body();
        assertTrue(html.contains("2 incidents match"), html);
    }

    @Test
    void overviewIsTheReportWithEveryBarALink() throws Exception {
        HttpResponse<String> r = web.get("/overview");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("34 incidents on 33 hosts; 13 host bundles read."), html);
        assertTrue(html.contains("<a href=\"/?q=severity%3A%22critical%22\" aria-label=\"critical: 5\">"), html);
        assertTrue(html.contains("<a href=\"/?q=kind%3A%22dax-poison-consumed%22\""), html);
        assertTrue(html.contains("since=2026-11-21&amp;until=2026-11-22"), "a day's column links to that day");
        assertTrue(html.contains("Hosts read in part") && html.contains("web-03"), html);
    }

    @Test
    void metricsAreValidExpositionWithBoundedLabels() throws Exception {
        HttpResponse<String> r = web.get("/metrics");
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        String text = r.body();
        assertTrue(text.contains("daxray_incidents 34\n"), text);
        assertTrue(text.contains("daxray_incidents_by_severity{severity=\"critical\"} 5\n"), text);
        assertTrue(text.contains("daxray_incidents_by_host{host=\"<script>alert('xss-host')</script>\"} 2\n"), text);
        assertTrue(text.contains("daxray_fingerprint_hosts{fingerprint=\"fp-<script>alert('xss-host')</script>\",kind=\"kernel-crash\"} 2"), text);
        assertTrue(text.endsWith("# EOF\n"));
        Promtool.check(text);
        HttpResponse<String> om = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/metrics"))
                .header("Accept", "application/openmetrics-text; version=1.0.0"));
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8", om.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void apiSearchIsTheSearchJsonContract() throws Exception {
        HttpResponse<String> r = web.get("/api/search?q=" + enc("kind:dax-poison-consumed") + "&facet=kernel&facet=host&group=fingerprint");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String expected;
        try (IncidentIndex idx = IncidentIndex.openForReading(web.index)) {
            expected = SearchJson.write(idx.search(new SearchRequest("kind:dax-poison-consumed", null, null, 20,
                    List.of("kernel", "host"), true, 10_000, Instant.now())));
        }
        assertEquals(expected + "\n", r.body());
        JsonNode bad = JSON.readTree(web.get("/api/search?q=" + enc("kidn:x")).body());
        assertEquals(1, bad.get("column").asInt());
        assertTrue(bad.get("error").asText().contains("unknown field [kidn]"));
        assertEquals(400, web.get("/api/search?facet=id").statusCode());
        assertEquals(400, web.get("/api/search?limit=100000").statusCode());
        assertEquals(400, web.get("/api/search?group=host").statusCode());
    }

    @Test
    void apiIncidentIsTheFleetIncidentJson() throws Exception {
        String id = ServeFixture.HOST + "/bad2";
        HttpResponse<String> r = web.get("/api/incident?id=" + enc(id));
        assertEquals(200, r.statusCode());
        try (IncidentIndex idx = IncidentIndex.openForReading(web.index)) {
            assertEquals(FleetJson.write(idx.get(id)) + "\n", r.body());
        }
    }

    @Test
    void apiOverviewAndHistogram() throws Exception {
        JsonNode overview = JSON.readTree(web.get("/api/overview").body());
        assertEquals(34, overview.get("incidents").asInt());
        JsonNode h = JSON.readTree(web.get("/api/histogram?q=" + enc("kind:dax-poison-consumed") + "&buckets=10").body());
        long sum = 0;
        for (JsonNode c : h.get("counts")) {
            sum += c.asLong();
        }
        assertEquals(4, sum + h.get("untimed").asLong());
        assertTrue(h.get("counts").size() <= 10);
        assertNotNull(h.get("widthMillis"));
    }

    @Test
    void readOnlyAndBoundedRequests() throws Exception {
        HttpResponse<String> post = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> put = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/search"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, put.statusCode());
        assertTrue(put.body().contains("read-only"));
        assertEquals(414, web.get("/?q=" + "a".repeat(Request.MAX_TARGET_CHARS)).statusCode());
        assertEquals(400, web.get("/?" + "a=1&".repeat(Request.MAX_PARAMS + 1)).statusCode());
        assertTrue(raw("GET /?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 400"));
        assertTrue(raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello").startsWith("HTTP/1.1 413"));
        HttpResponse<String> head = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/overview"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    /** A request written by hand, for what HttpClient will not send. */
    private static String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", web.server.address().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void unknownPathsAndStaticFiles() throws Exception {
        assertEquals(404, web.get("/nope").statusCode());
        assertEquals(404, web.get("/static/../pom.xml").statusCode());
        assertEquals(404, web.get("/static/nope.js").statusCode());
        HttpResponse<String> js = web.get("/static/app.js");
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse(""));
        assertTrue(js.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertFalse(js.body().contains("eval(") || js.body().contains("innerHTML") || js.body().contains("new Function"));
        HttpResponse<String> css = web.get("/static/app.css");
        assertEquals(200, css.statusCode());
        assertFalse(css.body().contains("url(") || css.body().contains("@import"), "the stylesheet loads nothing");
        assertEquals(200, web.get("/static/icon.svg").statusCode());
        HttpResponse<String> notFound = web.get("/api/nope");
        assertEquals(404, notFound.statusCode());
        assertTrue(notFound.body().startsWith("{\"error\""), notFound.body());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(web.server.address().getAddress().isLoopbackAddress());
    }
}
