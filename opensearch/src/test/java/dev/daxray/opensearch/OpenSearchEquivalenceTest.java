package dev.daxray.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchResult;

/**
 * {@code daxray export} and {@code search --opensearch} against a real OpenSearch node, on the
 * local index of samples/fleet plus a generated fleet of 200 hosts plus one incident with a pfn
 * above 2^63: the same ids, facet counts and results for every query as the local index. Also
 * what export promises: no duplicates on re-export, retries on 429/503, clear errors when the
 * cluster is unreachable or its mapping differs. One node for the class.
 */
class OpenSearchEquivalenceTest {

    @TempDir
    static Path dir;

    static OpenSearchNode node;
    static Path index;
    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    static final OpenSearchClient.Retry FAST = new OpenSearchClient.Retry(4, Duration.ofMillis(20), Duration.ofMillis(200));

    @BeforeAll
    static void start() throws Exception {
        node = new OpenSearchNode(dir.resolve("node"));
        index = dir.resolve("idx");
        TestFleets.batch(index, TestFleets.generated(dir.resolve("fleet-200"), 200), TestFleets.samplesFleet());
        try (IncidentIndex idx = IncidentIndex.openForWriting(index)) {
            String json = FleetJson.write(idx.all().get(0));
            FleetIncident high = FleetJson.read(json.replaceFirst("\"host\":\"[^\"]*\"", "\"host\":\"high-pfn\"")
                    .replaceFirst("\"pfns\":\\[[^]]*]", "\"pfns\":[\"0xffff800000001234\"]"));
            idx.add(high);
            idx.commit();
        }
        export("daxray-incidents", node.url());
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    static long export(String name, URI url) throws IOException {
        IncidentExporter exporter = new OpenSearchIncidents(url, name, FAST).exporter(new IncidentExporter.Limits(100, 1 << 20));
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            idx.forEachSource(50, exporter::add);
        }
        exporter.finish();
        return exporter.written();
    }

    static SearchResult local(SearchRequest request) throws IOException {
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            return idx.search(request);
        }
    }

    static SearchResult remote(SearchRequest request) throws IOException {
        return new OpenSearchIncidents(node.url(), "daxray-incidents", FAST).search(request);
    }

    static SearchRequest query(String text) {
        return new SearchRequest(text, null, null, 10_000, List.of("kind", "severity", "kernel", "host"), false, 10_000, NOW);
    }

    @Test
    void everyIncidentAndFacetIsTheSame() throws IOException {
        SearchResult local = local(query(""));
        assertTrue(local.total() >= 50, "the fleets have incidents: " + local.total());
        assertEquals(local, remote(query("")));
        assertEquals(local.hits().stream().map(FleetIncident::id).sorted().toList(),
                remote(query("*")).hits().stream().map(FleetIncident::id).sorted().toList());
    }

    @Test
    void queriesGiveTheSameResults() throws IOException {
        List<String> queries = List.of(
                "kind:dax-poison-consumed",
                "severity:(critical OR high) AND kernel:6.8*",
                "-severity:info",
                "pfn:[0x8000000000000000 TO *]",
                "pfn:{0xffff800000001233 TO 0xffff800000001235}",
                "pfn:[0x3c0000 TO 0x3cffff] OR physAddr:0x3c1b0a400",
                "time:[2026-01-01 TO 2026-11-22T12:00:00Z}",
                "time:[* TO now-1d]",
                "evidence:\"recovery action for dax page\"",
                "poison consumed",
                "title:kill* -comm:fsx",
                "host:host-0001* OR host:db-0?",
                "model:/Dell.*/",
                "kernel:6.8.0-45-generik~1",
                "labels:* AND evidenceCount:[3 TO *]",
                "start:[100 TO 5000.5]",
                "severityRank:high",
                "title:[a TO m]",
                "bundle:web-03 OR timeSource:collected");
        for (String q : queries) {
            SearchRequest request = query(q);
            SearchResult local = local(request);
            assertEquals(local, remote(request), q);
            assertEquals(local(request.withGroupBy()).groups(), remote(request.withGroupBy()).groups(), q + " grouped");
        }
        assertEquals(1, local(query("pfn:[0x8000000000000000 TO *]")).total(), "one incident above 2^63");
        SearchRequest since = new SearchRequest("", 1_700_000_000_000L, NOW.toEpochMilli(), 5, List.of("host"), true, 10_000, NOW);
        assertEquals(local(since), remote(since));
    }

    @Test
    void exportingAgainNeverDuplicates() throws IOException {
        long before = remote(query("").withLimit(0)).total();
        export("daxray-incidents", node.url());
        assertEquals(before, remote(query("").withLimit(0)).total());
        assertEquals(local(query("").withLimit(0)).total(), before);
    }

    @Test
    void busyAnswersAreRetriedAndNothingIsLost() throws IOException {
        AtomicInteger refused = new AtomicInteger();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpClient http = HttpClient.newHttpClient();
        proxy.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().toString();
            if (path.contains("_bulk") && refused.getAndIncrement() % 3 < 2) {
                exchange.sendResponseHeaders(refused.get() % 2 == 0 ? 503 : 429, -1);   // two refusals per bulk
                exchange.close();
                return;
            }
            try {
                HttpRequest.Builder forward = HttpRequest.newBuilder(node.url().resolve(path))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type != null) {
                    forward.header("Content-Type", type);
                }
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        proxy.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());
            long written = export("retried", url);
            assertTrue(refused.get() > 2, "the proxy refused some bulks");
            long total = local(query("").withLimit(0)).total();
            assertEquals(total, written);
            assertEquals(total, new OpenSearchIncidents(node.url(), "retried", FAST).search(query("").withLimit(0)).total());
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void anUnreachableClusterOrAForeignMappingIsAClearError() throws IOException {
        URI nobody = URI.create("http://127.0.0.1:" + OpenSearchNode.freePort());
        OpenSearchException unreachable = assertThrows(OpenSearchException.class, () -> export("x", nobody));
        assertTrue(unreachable.getMessage().startsWith("cannot reach OpenSearch at " + nobody), unreachable.getMessage());

        OpenSearchClient client = new OpenSearchClient(node.url(), FAST);
        client.send("PUT", "foreign", "application/json", "{\"mappings\":{\"properties\":{\"pfn\":{\"type\":\"long\"}}}}");
        OpenSearchException refused = assertThrows(OpenSearchException.class, () -> export("foreign", node.url()));
        assertTrue(refused.getMessage().contains("has a mapping daxray cannot use: field [kind] is not mapped")
                || refused.getMessage().contains("field [pfn] is [long]"), refused.getMessage());
        OpenSearchException missing = assertThrows(OpenSearchException.class,
                () -> new OpenSearchIncidents(node.url(), "nothing-here", FAST).search(query("")));
        assertTrue(missing.getMessage().startsWith("no OpenSearch index [nothing-here]"), missing.getMessage());
    }
}
