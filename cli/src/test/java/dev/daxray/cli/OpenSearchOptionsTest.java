package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSearch options of the CLI end to end where no cluster is needed: exactly one of --index
 * and --opensearch, and an unreachable cluster is one line naming the URL, exit 2. (Searches and
 * exports against a real node are tested in the opensearch and flink modules.)
 */
class OpenSearchOptionsTest {

    @TempDir
    Path dir;

    @Test
    void searchTakesOneBackEndAndAnUnreachableClusterIsAClearError() throws IOException {
        CliRun neither = CliRun.run("search", "kind:x");
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().startsWith("daxray: give one of --index DIR or --opensearch URL"), neither.err());
        CliRun both = CliRun.run("search", "--index", dir.toString(), "--opensearch", "http://127.0.0.1:9", "kind:x");
        assertEquals(2, both.exitCode());

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path index = dir.resolve("idx");
        assertEquals(2, CliRun.run("batch", "--quiet", "--index", index.toString(), TestFleet.samples().resolve("fleet").toString())
                .exitCode());
        for (String[] args : new String[][] {{"search", "--opensearch", url, "kind:x"},
                {"export", "--index", index.toString(), "--opensearch", url}}) {
            CliRun run = CliRun.run(args);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("daxray: cannot reach OpenSearch at " + url + "/"), run.err());
            assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        }
    }
}
