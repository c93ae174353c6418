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
        picocli.CommandLine cli = Cli.newCommandLine(out, err, System.in);
        // A thread that dies of an error nobody waits for (one outside the executors the commands
        // join) ends the run with the same one line and exit code as the main thread would.
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            int code = Failures.report(failure, err, Cli.debug(cli.getParseResult()));
            out.flush();
            Runtime.getRuntime().halt(code);
        });
        int code = Cli.execute(cli, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
