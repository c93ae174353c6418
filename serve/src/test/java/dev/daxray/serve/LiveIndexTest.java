package dev.daxray.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.index.IncidentIndex;

/** Serving while a writer commits: new commits appear, requests in flight never fail. */
class LiveIndexTest {

    @TempDir
    Path dir;

    private static long total(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?limit=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).get("total").asLong();
    }

    @Test
    void commitsOfAWriterAppearWhileRequestsRun() throws Exception {
        Path index = dir.resolve("idx");
        try (IncidentIndex writer = IncidentIndex.openForWriting(index)) {
            writer.add(ServeFixture.filler(0));
            writer.commit();
            StringWriter log = new StringWriter();
            try (WebServer server = WebServer.start(index, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100,
                    new PrintWriter(log, true))) {
                String base = "http://127.0.0.1:" + server.address().getPort();
                HttpClient http = HttpClient.newHttpClient();
                assertEquals(1, total(http, base));
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger requests = new AtomicInteger();
                List<Throwable> failures = new ArrayList<>();
                Thread reader = new Thread(() -> {
                    long last = 0;
                    try {
                        while (writing.get()) {
                            for (String page : List.of("/?q=kind:soft-offline", "/overview", "/metrics")) {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                assertEquals(200, r.statusCode(), page + ": " + r.body());
                                requests.incrementAndGet();
                            }
                            long now = total(http, base);
                            assertTrue(now >= last, "a newer commit never shows fewer incidents");
                            last = now;
                        }
                    } catch (Throwable t) {
                        synchronized (failures) {
                            failures.add(t);
                        }
                    }
                });
                reader.start();
                for (int n = 1; n < 20; n++) {
                    writer.add(ServeFixture.filler(n));
                    writer.commit();
                    Thread.sleep(30);
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (total(http, base) < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                writing.set(false);
                reader.join(30_000);
                assertEquals(List.of(), failures);
                assertEquals(20, total(http, base), "the last commit is served within the reopen interval");
                assertTrue(requests.get() > 0);
                assertFalse(server.refresh(), "nothing newer");
                assertEquals("", log.toString());
            }
        }
    }
}
