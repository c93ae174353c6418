package dev.daxray.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.daxray.capture.Inputs;
import dev.daxray.families.Families;
import dev.daxray.output.EventJsonWriter;
import dev.daxray.output.EventTextWriter;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.Timeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code daxray events}: the typed, ordered timeline of what the kernel reported. */
@Command(name = "events",
        mixinStandardHelpOptions = true,
        description = {
                "Print the DAX / pmem / memory-failure events found in captures, in one timeline.",
                "",
                "Events are ordered by boot, time, input and line. A summary per input goes to standard",
                "error: the detected format, lines, events and unparsed lines (shell prompts, mail quoting,",
                "annotations), with the first few unparsed lines shown."},
        footer = {"", "Examples:",
                "  daxray events samples/dax-poison-consumed-6x",
                "  daxray events --format jsonl /var/log/kern.log.2.gz \\",
                "      | jq 'select(.type==\"sigbus\")'",
                "  dmesg | daxray events -",
                "",
                "Exit codes: 0 ok, 2 usage or I/O error, 3 --strict with unparsed lines,",
                "4 internal error, 5 out of memory."})
public final class EventsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, jsonl }

    @Mixin
    InputOptions inputs;

    @Option(names = "--format", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). jsonl writes one JSON object per event.")
    Format format;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    EventsCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws Exception {
        Inputs.Expansion expansion = Inputs.expand(inputs.paths, stdin);
        PrintWriter out = spec.commandLine().getOut();
        List<InputSummary> read;
        // Streamed: events leave in timeline order as the store hands them out, so memory does not grow
        // with the capture (the store spills sorted runs to temporary files past its share of the heap).
        try (Timeline.Stream timeline = Timeline.stream(expansion.inputs().iterator(), inputs.scanOptions(),
                Families.standard(), ProgressLine.forTerminal(spec.commandLine().getErr()))) {
            write(timeline, out);
            read = timeline.inputs();
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!inputs.quiet) {
            InputReport.print(err, expansion, read);
        }
        return exitCode(expansion, read, inputs.strict);
    }

    private void write(Timeline.Stream events, PrintWriter out) throws java.io.IOException {
        if (format == Format.jsonl) {
            try (EventJsonWriter json = new EventJsonWriter(new BufferedWriter(out, 1 << 16))) {
                events.forEach(event -> {
                    try {
                        json.write(event);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        } else {
            EventTextWriter text = new EventTextWriter(out);
            text.header();
            events.forEach(text::write);
        }
        out.flush();
    }

    static int exitCode(Inputs.Expansion expansion, List<InputSummary> summaries, boolean strict) {
        boolean ioError = !expansion.problems().isEmpty() || summaries.stream().anyMatch(InputSummary::failed);
        if (ioError) {
            return ExitCodes.USAGE_OR_IO;
        }
        if (strict && summaries.stream().anyMatch(s -> s.unparsed() > 0)) {
            return ExitCodes.UNPARSED;
        }
        return ExitCodes.OK;
    }
}
