package dev.daxray.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.daxray.serve.WebServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daxray serve}: the incident index in a browser, and /metrics. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Serve a read-only web application over the incident index: search (the query language",
                "of 'daxray search', facets, a time histogram, group-by fingerprint), incident pages, the",
                "fleet overview, a JSON API under /api/, and /metrics for Prometheus.",
                "It follows a batch writing the index (new commits appear within --reopen ms).",
                "Listens on 127.0.0.1 unless --bind says otherwise; stop it with Ctrl-C."},
        footer = {"", "Examples:",
                "  daxray serve --index idx            # then open http://127.0.0.1:8080/",
                "  daxray serve --index idx --port 9100",
                "  daxray serve --index idx --bind 0.0.0.0    # every interface, no login!",
                "  curl -s 'http://127.0.0.1:8080/api/search?q=kind:sigbus-kill&facet=host'",
                "",
                "Exit codes: 0 stopped, 2 usage error, no index, a damaged index or the port is",
                "taken, 4 internal error, 5 out of memory."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory (daxray batch writes it).")
    Path index;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 or :: for every interface).")
    String bind;

    @Option(names = "--reopen", defaultValue = "1000", paramLabel = "MS",
            description = "Check for new commits of the index every MS milliseconds (default: ${DEFAULT-VALUE}).")
    long reopenMillis;

    @Mixin
    DebugOption debug = new DebugOption();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw Cli.usageError(spec, "--port must be from 0 to 65535, not [" + port + "]");
        }
        if (reopenMillis < 100) {
            throw Cli.usageError(spec, "--reopen must be at least 100 ms, not [" + reopenMillis + "]");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (java.net.UnknownHostException e) {
            throw Cli.usageError(spec, "invalid value for --bind: [" + bind + "] is not an address of this machine");
        }
        PrintWriter err = spec.commandLine().getErr();
        WebServer server;
        try {
            server = WebServer.start(index, new InetSocketAddress(address, port), reopenMillis, err);
        } catch (java.net.BindException e) {
            err.println("daxray: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        InetSocketAddress at = server.address();
        String host = at.getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : at.getAddress() instanceof java.net.Inet6Address ? "[" + at.getAddress().getHostAddress() + "]"
                : at.getAddress().getHostAddress();
        err.println("daxray: serving " + index + " at http://" + host + ":" + at.getPort() + "/"
                + (at.getAddress().isLoopbackAddress() ? "" : " (listening on " + bind + ": anyone who can reach it can read it)"));
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "daxray-serve-stop"));
        stopped.await();
        return ExitCodes.OK;
    }
}
