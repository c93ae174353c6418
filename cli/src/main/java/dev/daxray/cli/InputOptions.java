package dev.daxray.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The capture inputs and reading options every reading command shares. */
public final class InputOptions {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Capture files or directories (read recursively), or - for standard input. "
                    + "Compressed files (gzip, xz, zstd, bzip2) are read transparently.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--strict", description = "Exit with 3 when any input has unparsed lines (default: report them and go on).")
    boolean strict;

    @Option(names = "--quiet", description = "Do not print the per-input summary on standard error.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces for internal errors.")
    boolean debug;
}
