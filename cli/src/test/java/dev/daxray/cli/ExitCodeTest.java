package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.daxray.rules.Pos;
import dev.daxray.rules.Problem;
import dev.daxray.rules.RuleException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Exit codes: 0/1/2/3 as documented; a bug (any unexpected exception, a stack overflow) is 4 and
 * running out of memory is 5, each one line on standard error, the stack trace only with --debug;
 * never 1, which means "an incident reached --fail-on".
 */
class ExitCodeTest {

    @TempDir
    Path dir;

    /** A command that fails the way it is told to, run through the real factory and handlers. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Option(names = "--throw")
        String what;

        @Mixin
        DebugOption debug = new DebugOption();

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "npe" -> throw new NullPointerException("Cannot invoke \"String.length()\"\n\u001b[2Jforged");
                case "state" -> throw new IllegalStateException("no builder for this parse tree");
                case "overflow" -> throw new StackOverflowError();
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "io" -> throw new java.nio.file.NoSuchFileException("/nowhere/x.log");
                case "rule" -> throw new RuleException(List.of(new Problem(new Pos("t.rules", 1, 2), "bad")));
                default -> {
                    return 0;
                }
            }
        }
    }

    private static CliRun boom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.newCommandLine(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        cli.addSubcommand(new Boom());
        // Settings reach the subcommands that exist when they are set: set them again for boom.
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler(cli.getExecutionExceptionHandler());
        int code = Cli.execute(cli, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "npe,      4, 'daxray: internal error: java.lang.NullPointerException: Cannot invoke \"String.length()\"\\n\\x1b[2Jforged; please report it (--debug shows where)'",
            "state,    4, 'daxray: internal error: java.lang.IllegalStateException: no builder for this parse tree; please report it (--debug shows where)'",
            "overflow, 4, 'daxray: internal error: stack overflow in dev.daxray.cli.ExitCodeTest$Boom.call (input or rules nested too deeply); please report it, with --debug'",
            "io,       2, 'daxray: /nowhere/x.log: no such file or directory'",
            "rule,     2, 'daxray: t.rules:1:2: bad'"})
    void eachFailureHasItsCodeAndOneLine(String what, int code, String line) {
        CliRun run = boom("boom", "--throw", what);
        assertEquals(code, run.exitCode(), run.err());
        assertEquals(line + "\n", run.err().replace("\r\n", "\n"));
    }

    @Test
    void outOfMemoryIsFiveWithTheHeapSizeAndHowToRaiseIt() {
        CliRun run = boom("boom", "--throw", "oom");
        assertEquals(ExitCodes.OUT_OF_MEMORY, run.exitCode());
        assertTrue(run.err().matches("daxray: out of memory \\(Java heap space, max heap \\d+ MiB\\); give the JVM more,"
                + " e\\.g\\. DAXRAY_JAVA_OPTS=-Xmx\\d+g\\R"), run.err());
    }

    @Test
    void debugAddsTheStackTrace() {
        CliRun run = boom("boom", "--debug", "--throw", "npe");
        assertEquals(ExitCodes.INTERNAL, run.exitCode());
        assertTrue(run.err().startsWith("daxray: internal error: "), run.err());
        assertTrue(run.err().contains("\tat dev.daxray.cli.ExitCodeTest$Boom.call"), run.err());
        CliRun overflow = boom("boom", "--debug", "--throw", "overflow");
        assertTrue(overflow.err().contains("java.lang.StackOverflowError"), overflow.err());
    }

    /**
     * An ndctl listing of 250,000 badblocks (11 MB, one document): a document is held whole while it is
     * read (up to 16 Mi characters), which does not fit a 24 MiB heap beside the batch's other work.
     */
    private Path bigListing() throws IOException {
        Path file = dir.resolve("ndctl-list.json");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[\n  {\n    \"dev\":\"namespace0.0\",\n    \"mode\":\"fsdax\",\n    \"badblock_count\":250000,\n"
                    + "    \"badblocks\":[\n");
            for (int i = 0; i < 250_000; i++) {
                w.write(String.format("      { \"offset\":%d, \"length\":1, \"dimms\":[\"nmem0\"] }%s%n", 8L * i,
                        i + 1 < 250_000 ? "," : ""));
            }
            w.write("    ]\n  }\n]\n");
        }
        return file;
    }

    private Process child(String heap, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), "dev.daxray.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
    }

    private static int await(Process child) throws InterruptedException {
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM ended");
        return child.exitValue();
    }

    /** A real OutOfMemoryError in the main thread (a child JVM with a tiny heap): exit 5, one line. */
    @Test
    void realOutOfMemoryInTheMainThread() throws Exception {
        Path log = dir.resolve("events.err");
        int code = await(child("-Xmx16m", log, "events", "--quiet", bigListing().toString()));
        String err = Files.readString(log);
        assertEquals(ExitCodes.OUT_OF_MEMORY, code, err);
        assertTrue(err.startsWith("daxray: out of memory (Java heap space, max heap "), err);
        assertEquals(1, err.lines().count(), err);
    }

    /**
     * The same in a batch worker thread: the batch stops with exit 5 and one line, not a skipped host.
     * (Triage is bounded by the rules, not the events, so a flood of log lines no longer runs a worker out
     * of memory; a device listing, held whole while it is read, still can.)
     */
    @Test
    void realOutOfMemoryInABatchWorker() throws Exception {
        Path fleet = dir.resolve("fleet");
        Files.createDirectories(fleet.resolve("big"));
        Files.move(bigListing(), fleet.resolve("big/ndctl-list.json"));
        Files.createDirectories(fleet.resolve("small"));
        Files.writeString(fleet.resolve("small/dmesg.log"), "[    1.000000] Linux version 6.8.0 (b@h) #1 SMP\n");
        Path log = dir.resolve("batch.err");
        int code = await(child("-Xmx24m", log, "batch", "--quiet", "--jobs", "2", "--index",
                dir.resolve("idx").toString(), fleet.toString()));
        String err = Files.readString(log);
        assertEquals(ExitCodes.OUT_OF_MEMORY, code, err);
        assertTrue(err.startsWith("daxray: out of memory ("), err);
        assertFalse(err.contains("\tat "), err);
    }
}
