package dev.daxray.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process through the same factory as {@link Main}, capturing both streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(Cli.newCommandLine(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return withStdin("", args);
    }
}
