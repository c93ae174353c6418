package dev.daxray.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.cli.Cli;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchResult;
import dev.daxray.opensearch.OpenSearchClient;
import dev.daxray.opensearch.OpenSearchIncidents;
import dev.daxray.opensearch.OpenSearchNode;
import dev.daxray.opensearch.TestFleets;

/**
 * The three ways to the same answers on one fleet (samples/fleet + 200 generated hosts):
 * {@code daxray batch} into a local index, the Flink job on a MiniCluster (parallelism 2) writing
 * straight to OpenSearch, and {@code daxray export} of the batch index to another OpenSearch index:
 * identical ids, facet counts for kind/severity/kernel/host and results for a dozen queries. One
 * MiniCluster and one OpenSearch node for the class.
 */
class FlinkOpenSearchTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path dir;

    static OpenSearchNode node;
    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @BeforeAll
    static void start() throws Exception {
        node = new OpenSearchNode(dir.resolve("node"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    static int run(picocli.CommandLine cli, String... args) {
        return cli.execute(args);
    }

    @Test
    void batchFlinkAndExportAgree() throws Exception {
        Path fleet = TestFleets.generated(dir.resolve("fleet-200"), 200);
        Path index = dir.resolve("batch");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine daxray = Cli.newCommandLine(new PrintWriter(out), new PrintWriter(err), System.in);
        assertEquals(2, run(daxray, "batch", "--quiet", "--index", index.toString(), fleet.toString(),
                TestFleets.samplesFleet().toString()), err.toString());
        assertEquals(0, run(daxray, "export", "--index", index.toString(), "--opensearch", node.url().toString(),
                "--index-name", "exported"), err.toString());
        assertTrue(out.toString().contains("exported "), out.toString());

        Path ndjson = dir.resolve("flink.ndjson");
        int code = run(FlinkMain.newCommandLine(new FlinkCommand(StreamExecutionEnvironment.getExecutionEnvironment()),
                new PrintWriter(out), new PrintWriter(err)), "--parallelism", "2", "--opensearch", node.url().toString(),
                "--index-name", "from-flink", "--ndjson", ndjson.toString(), fleet.toString(), TestFleets.samplesFleet().toString());
        assertEquals(2, code, err.toString());
        assertTrue(Files.size(ndjson) > 0);

        List<String> queries = List.of("", "kind:dax-poison-consumed", "severity:(critical OR high)", "-severity:info",
                "pfn:[0x3c0000 TO 0x3cffff]", "pfn:[0x8000000000000000 TO *]", "time:[2026-01-01 TO now]",
                "evidence:\"recovery action\"", "host:host-0001*", "kernel:6.*", "labels:sigbus-kill OR fs:xfs",
                "model:/Dell.*/");
        OpenSearchIncidents exported = new OpenSearchIncidents(node.url(), "exported", OpenSearchClient.Retry.DEFAULT);
        OpenSearchIncidents flink = new OpenSearchIncidents(node.url(), "from-flink", OpenSearchClient.Retry.DEFAULT);
        try (IncidentIndex local = IncidentIndex.openForReading(index)) {
            for (String q : queries) {
                SearchRequest request = new SearchRequest(q, null, null, 10_000, List.of("kind", "severity", "kernel", "host"),
                        true, 10_000, NOW);
                SearchResult expected = local.search(request);
                assertEquals(expected, exported.search(request), "export: " + q);
                assertEquals(expected, flink.search(request), "flink: " + q);
            }
            assertTrue(local.incidentCount() >= 50, "the fleet has incidents");
        }
    }
}
