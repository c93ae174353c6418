package dev.daxray.serve;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.daxray.index.IndexUnavailableException;
import dev.daxray.output.OpenMetrics;
import dev.daxray.output.Untrusted;

/**
 * {@code daxray serve}: the JDK's HTTP server ({@code jdk.httpserver}) over a {@link LiveIndex},
 * read-only. It answers GET and HEAD only, never reads a request body, bounds the request target
 * and parameters ({@link Request}), and gives each search the search limits and time limit of
 * {@code daxray search}. Requests run on a small fixed pool, so a burst queues instead of starting
 * threads without bound; slow clients are cut off by the server's request and response time limits.
 */
public final class WebServer implements Closeable {

    /** Threads answering requests. */
    static final int THREADS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));

    private final HttpServer server;
    private final ExecutorService pool;
    private final LiveIndex live;
    private final PrintWriter log;

    private WebServer(HttpServer server, ExecutorService pool, LiveIndex live, PrintWriter log) {
        this.server = server;
        this.pool = pool;
        this.live = live;
        this.log = log;
    }

    /**
     * Opens the index at {@code index}, checking for new commits every {@code reopenMillis}, and
     * serves it on {@code address} (port 0: any free port).
     */
    public static WebServer start(Path index, InetSocketAddress address, long reopenMillis, PrintWriter log) throws IOException {
        // Cut off clients that send or read too slowly (seconds); read when the server class loads.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "60"));
        // Headers and body are separate writes: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every response.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        LiveIndex live = LiveIndex.open(index, reopenMillis, log);
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException | RuntimeException e) {
            live.close();
            throw e;
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "daxray-serve");
            t.setDaemon(true);
            return t;
        });
        WebServer web = new WebServer(server, pool, live, log);
        server.createContext("/", web::handle);
        server.setExecutor(pool);
        server.start();
        return web;
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Swaps in the index's newest commit now, instead of at the next check (for tests). */
    boolean refresh() throws IOException {
        return live.refresh();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = null;
            try {
                request = Request.of(exchange);
                route(request);
            } catch (Request.BadRequest e) {
                fail(request, exchange, e.status, e.getMessage());
            } catch (IndexUnavailableException e) {
                fail(request, exchange, 503, e.getMessage());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                log.println("daxray: serve: " + exchange.getRequestMethod() + " " + Untrusted.terminal(exchange.getRequestURI().getRawPath())
                        + ": " + Untrusted.terminal(e.toString()));
                log.flush();
                fail(request, exchange, 500, "internal error: " + e);
            }
        }
    }

    private void route(Request request) throws IOException {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            request.header("Allow", "GET, HEAD");
            throw new Request.BadRequest(405, "read-only: GET and HEAD only");
        }
        String length = request.header("Content-Length");
        if (length != null && !length.strip().equals("0") || request.header("Transfer-Encoding") != null) {
            throw new Request.BadRequest(413, "requests have no body here");
        }
        String path = request.path();
        switch (path) {
            case "/", "/search" -> SearchPage.handle(request, live);
            case "/incident" -> IncidentPage.handle(request, live);
            case "/overview" -> OverviewPage.handle(request, live);
            case "/metrics" -> metrics(request);
            case "/api/search" -> Api.search(request, live);
            case "/api/incident" -> Api.incident(request, live);
            case "/api/overview" -> Api.overview(request, live);
            case "/api/histogram" -> Api.histogram(request, live);
            default -> {
                if (!(path.startsWith("/static/") && StaticFiles.serve(request))) {
                    throw new Request.BadRequest(404, "no page " + path);
                }
            }
        }
    }

    private void metrics(Request request) throws IOException {
        String accept = request.header("Accept");
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        try (LiveIndex.Snapshot snap = live.acquire()) {
            request.send(200, openMetrics ? OpenMetrics.OPENMETRICS_TYPE : OpenMetrics.PROMETHEUS_TYPE, FleetMetrics.write(snap.stats()));
        }
    }

    /** Answers a failed request: JSON under /api/, else a small page; nothing when the response has started. */
    private void fail(Request request, HttpExchange exchange, int status, String message) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        Request r = request != null ? request : Request.bare(exchange);
        if (exchange.getRequestURI().getRawPath().startsWith("/api/")) {
            Api.error(r, status, message, 0);
            return;
        }
        Page page = Page.start("Error " + status, null, null);
        page.raw("<h1>").num(status).raw("</h1><p class=\"error\">").text(message).raw("</p><p><a href=\"/\">Search</a></p>");
        r.send(status, "text/html; charset=utf-8", page.end(java.time.Instant.now()));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.close();
    }
}
