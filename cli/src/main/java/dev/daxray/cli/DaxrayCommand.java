package dev.daxray.cli;

import picocli.CommandLine.Command;

/** The root command: a list of subcommands. */
@Command(name = "daxray",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Turns captured kernel logs into explained DAX / persistent-memory / memory-failure incidents.",
                "",
                "Inputs are files, directories (read recursively, in name order) or - for standard input;",
                "gzip, xz, zstd and bzip2 are recognised by their magic bytes."},
        footer = {"", "Exit codes: 0 ok, 1 triage findings at --fail-on, 2 usage, rule, query or I/O",
                "error (batch: some host unreadable), 3 --strict with unparsed lines, 4 internal",
                "error (a bug: one line, --debug shows the stack trace), 5 out of memory (raise",
                "the heap: DAXRAY_JAVA_OPTS=-Xmx2g).",
                "Run 'daxray help COMMAND' for a command's options."})
public final class DaxrayCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
