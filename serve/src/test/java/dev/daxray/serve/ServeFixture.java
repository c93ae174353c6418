package dev.daxray.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.daxray.fleet.Batch;
import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetScanner;
import dev.daxray.fleet.HostTriage;
import dev.daxray.incidents.Incident;
import dev.daxray.index.IncidentIndex;
import dev.daxray.rules.RuleLoader;

/**
 * An index for the web tests, served for real on 127.0.0.1 with an ephemeral port: the bundled
 * samples/fleet read by the batch (real incidents), plus incidents whose every log-derived string
 * is a script payload (host, kernel, process, evidence, title, summary, advice, model, BIOS, device,
 * bundle, fingerprint), as a hostile capture would give them.
 */
final class ServeFixture implements AutoCloseable {

    static final String HOST = "<script>alert('xss-host')</script>";
    static final String KERNEL = "<img src=x onerror=alert('xss-kernel')>";
    static final String COMM = "\"><svg onload=alert('xss-comm')>";
    static final String EVIDENCE = "</td><script>alert('xss-evidence')</script><img src=x onerror=alert(1)>";
    static final String HOSTILE_KIND = "kernel-crash";
    /** Markup that must never appear in a page: each payload's opening tag. */
    static final List<String> PAYLOAD_MARKUP = List.of("<script>alert", "<img src=x", "<svg onload");
    /** Plain incidents added to the samples, so results fill more than one page. */
    static final int FILLERS = 24;

    final Path index;
    final WebServer server;
    final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServeFixture(Path dir) throws IOException {
        this.index = dir.resolve("idx");
        HostTriage.Settings settings = HostTriage.Settings.of(RuleLoader.shipped());
        try (IncidentIndex idx = IncidentIndex.openForWriting(index)) {
            Batch.run(FleetScanner.scan(List.of(root().resolve("samples/fleet")), index).bundles(), idx, settings.rules(),
                    settings.digest(), Batch.Options.defaults(2), Batch.Listener.NONE);
            idx.add(hostile(1, HOST, "2026-11-20T10:00:00Z"));
            idx.add(hostile(2, HOST, "2026-11-20T11:00:00Z"));
            idx.add(hostile(3, "web-" + KERNEL, "2026-11-21T09:30:00Z"));
            for (int n = 0; n < FILLERS; n++) {
                idx.add(filler(n));
            }
            idx.commit();
        }
        this.server = WebServer.start(index, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0, new PrintWriter(log, true));
    }

    static Path root() {
        String root = System.getProperty("daxray.root");
        return root != null && !root.isBlank() && !root.startsWith("${") ? Path.of(root) : Path.of("..");
    }

    /** A crash incident whose every log-derived string is a payload. */
    static FleetIncident hostile(int n, String host, String time) {
        Incident i = new Incident("bad" + n, "fp-" + HOST, HOSTILE_KIND, List.of(HOSTILE_KIND, "label-" + COMM), "critical",
                "Oops in " + COMM + " " + EVIDENCE, "summary " + EVIDENCE + "\nsecond line " + KERNEL, host, 0, KERNEL,
                new BigDecimal("12.5"), new BigDecimal("13.0"), "clock " + HOST, List.of("0x1234" + n), null, null, List.of("0x1234" + n + "000"),
                List.of(new Incident.Location("0x1234" + n, "0x1234" + n + "000", "namespace-" + KERNEL, "region0", 8L, 16L,
                        new Incident.Badblock("pmem-" + COMM, 8, 1), true, null)),
                List.of("pmem-" + KERNEL), List.of("xfs (" + COMM + ")"), List.of(new Incident.Process(COMM, 4242 + n)),
                List.of(new Incident.Evidence("bundle-" + HOST + "/dmesg", 10 + n, EVIDENCE),
                        new Incident.Evidence("dmesg", 11 + n, "Memory failure: " + KERNEL)), 2, "advice " + EVIDENCE + "\nthen " + COMM);
        return new FleetIncident(i, "bundle-" + HOST, Instant.parse(time).toEpochMilli(), "log", "model " + COMM, "bios " + KERNEL, 1);
    }

    /** A low-severity soft-offline incident on host filler-NN, one hour after the one before. */
    static FleetIncident filler(int n) {
        String host = String.format("filler-%02d", n);
        Incident i = new Incident("soft" + n, "fp-soft", "soft-offline", List.of("soft-offline"), "low",
                "Soft offline of pfn 0x5000" + n, "memory_failure soft-offlined a page", host, 0, "6.1.0-26-amd64",
                new BigDecimal("100.0"), new BigDecimal("100.0"), null, List.of("0x5000" + n), null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(new Incident.Evidence("dmesg", 7, "soft offline: 0x5000" + n + ": page migration succeeded")),
                1, "Nothing to do.");
        return new FleetIncident(i, host, Instant.parse("2026-10-01T00:00:00Z").plusSeconds(3600L * n).toEpochMilli(), "log",
                null, null, 1);
    }

    String base() {
        return "http://127.0.0.1:" + server.address().getPort();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
