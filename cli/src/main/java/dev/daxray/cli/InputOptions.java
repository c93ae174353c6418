package dev.daxray.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.daxray.bpftrace.BpftraceMappings;
import dev.daxray.timeline.ScanOptions;

import picocli.CommandLine.Mixin;
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

    @Option(names = "--bpftrace-map", paramLabel = "FILE",
            description = "Also map bpftrace printf lines with the mappings of FILE (repeatable; tried in the order"
                    + " given, before the shipped one-liner mappings).")
    List<Path> bpftraceMaps = new ArrayList<>();

    @Mixin
    DebugOption debug = new DebugOption();

    /**
     * The scan options these flags ask for: the {@code --bpftrace-map} files, checked whole (a bad file
     * throws with every {@code file:line:col} problem; unreadable, an {@link IOException}).
     */
    ScanOptions scanOptions() throws IOException {
        ScanOptions options = ScanOptions.defaults();
        if (bpftraceMaps.isEmpty()) {
            return options;
        }
        BpftraceMappings user = new BpftraceMappings(List.of());
        for (Path file : bpftraceMaps) {
            user = user.with(BpftraceMappings.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        return options.withBpftraceFirst(user);
    }
}
