package dev.daxray.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code daxray} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        java.util.concurrent.atomic.AtomicReference<picocli.CommandLine> cli = new java.util.concurrent.atomic.AtomicReference<>();
        // A thread that dies of an error nobody waits for (one outside the executors the commands
        // join) ends the run with the same one line and exit code as the main thread would.
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            int code = Failures.report(failure, err, cli.get() != null && Cli.debug(cli.get().getParseResult()));
            out.flush();
            Runtime.getRuntime().halt(code);
        });
        int code;
        try {
            cli.set(Cli.newCommandLine(out, err, System.in, args));
            code = Cli.execute(cli.get(), args);
        } catch (Throwable t) {     // building the command line itself failed (out of memory at start)
            code = Failures.report(t, err, false);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
