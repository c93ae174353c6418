import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchRequest;
import dev.daxray.serve.WebServer;

/**
 * The search page of daxray serve on a large index, in one warm JVM: each query shape of
 * IndexBench (plus every incident) requested ROUNDS times over HTTP on 127.0.0.1, one request at a
 * time; the server's own time per request (its Server-Timing header) and the client's, p50 and p99.
 * Baseline in the same run: the search alone (IncidentIndex.search with the page's eight facets,
 * what daxray search does), so the ratio is the page's cost over the search it shows.
 *
 * Usage: java -cp cli/target/daxray.jar bench/ServeBench.java INDEX_DIR ROUNDS
 */
public final class ServeBench {

    private static final String[] QUERIES = {
        "",
        "kind:dax-poison-consumed",
        "kind:dax-poison-consumed AND kernel:6.8*",
        "severity:(critical OR high) host:web-01*",
        "pfn:[0x3c0000 TO 0x3cffff]",
        "time:[2026-02-01 TO 2026-02-08] comm:fsx",
        "evidence:\"recovery action for dax page\"",
        "fingerprint:fp-00042",
        "labels:sigbus-kill -fs:xfs",
    };
    private static final List<String> FACETS = List.of("kind", "severity", "kernel", "host", "model", "bios", "fs", "device");

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer server = WebServer.start(index, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000,
                new PrintWriter(System.err, true)); IncidentIndex baseline = IncidentIndex.openForReading(index)) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            List<Double> page = new ArrayList<>();
            List<Double> client = new ArrayList<>();
            List<Double> grouped = new ArrayList<>();
            List<Double> alone = new ArrayList<>();
            java.util.Map<String, List<Double>> byShape = new java.util.LinkedHashMap<>();
            for (int warm = 0; warm < 3; warm++) {
                for (String q : QUERIES) {
                    get(http, base + "/?q=" + enc(q));
                    baseline.search(new SearchRequest(q, null, null, 20, FACETS, false, 10_000, Instant.now()));
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (String q : QUERIES) {
                    long t = System.nanoTime();
                    baseline.search(new SearchRequest(q, null, null, 20, FACETS, false, 10_000, Instant.now()));
                    alone.add((System.nanoTime() - t) / 1e6);
                    t = System.nanoTime();
                    double served = get(http, base + "/?q=" + enc(q));
                    client.add((System.nanoTime() - t) / 1e6);
                    page.add(served);
                    byShape.computeIfAbsent(q, k -> new ArrayList<>()).add(served);
                }
                if (r % 10 == 0) {
                    grouped.add(get(http, base + "/?group=fingerprint&q=" + enc(QUERIES[1])));
                }
            }
            System.out.println("incidents in the index: " + baseline.incidentCount());
            System.out.println("search alone, 8 facets (" + alone.size() + "): " + percentiles(alone));
            System.out.println("search page, server (" + page.size() + "): " + percentiles(page));
            System.out.println("search page, client (" + client.size() + "): " + percentiles(client));
            System.out.println("search page grouped by fingerprint, server (" + grouped.size() + "): " + percentiles(grouped));
            System.out.printf("page / search alone: p50 %.2fx, p99 %.2fx%n", p(page, 0.5) / p(alone, 0.5), p(page, 0.99) / p(alone, 0.99));
            long total = baseline.incidentCount();
            for (var shape : byShape.entrySet()) {
                long matches = baseline.search(new SearchRequest(shape.getKey(), null, null, 0, List.of(), false, 10_000, Instant.now())).total();
                System.out.printf("  %-46s %7d matches (%3.0f%%): server %s%n", shape.getKey().isEmpty() ? "(every incident)" : shape.getKey(),
                        matches, 100.0 * matches / total, percentiles(shape.getValue()));
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The server's time for one page, from its Server-Timing header. */
    private static double get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + ": " + r.statusCode());
        }
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        return Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
    }

    private static double p(List<Double> ms, double q) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
    }

    private static String percentiles(List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", p(ms, 0.5), p(ms, 0.99), sorted[sorted.length - 1]);
    }
}
