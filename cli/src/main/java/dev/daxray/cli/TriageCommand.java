package dev.daxray.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.daxray.capture.Inputs;
import dev.daxray.incidents.IncidentJson;
import dev.daxray.incidents.IncidentText;
import dev.daxray.incidents.Triage;
import dev.daxray.incidents.TriageInput;
import dev.daxray.incidents.TriageMetrics;
import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.RuleSet;
import dev.daxray.rules.Severity;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ReadListener;
import dev.daxray.timeline.Timeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daxray triage}: the incidents the rules find in captures, explained. */
@Command(name = "triage",
        mixinStandardHelpOptions = true,
        description = {
                "Correlate the events of captures into incidents, one per root cause.",
                "Each incident has its kind, severity, evidence lines, affected pages, devices and",
                "processes, and advice.",
                "",
                "The shipped rules are always loaded; --rules adds rule files from a directory (or a file)."},
        footer = {"", "Examples:",
                "  daxray triage samples/dax-poison-consumed-6x",
                "  daxray triage --format json --fail-on critical /var/log/kern.log",
                "  daxray triage --explain --rules ./my-rules dmesg.txt",
                "  daxray triage --format openmetrics --quiet /var/log/kern.log \\",
                "      > /var/lib/node_exporter/textfile/daxray.prom.tmp",
                "",
                "Exit codes: 0 nothing reached --fail-on, 1 an incident did, 2 usage, rule or",
                "I/O error, 4 internal error (never 1), 5 out of memory."})
public final class TriageCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, openmetrics }

    /** When to colour text output. */
    enum Colour { auto, always, never }

    @Mixin
    InputOptions inputs;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the *.rules files of DIR (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--explain", description = "Show each rule's check counters and its near misses (partial matches that expired, and the step that never came).")
    boolean explain;

    @Option(names = "--min-severity", defaultValue = "info", paramLabel = "S",
            description = "Leave out incidents below S: critical, high, medium, low, info (default: ${DEFAULT-VALUE}).")
    String minSeverity;

    @Option(names = "--fail-on", defaultValue = "high", paramLabel = "S",
            description = "Exit with 1 when an incident is at least S (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--color", defaultValue = "auto", description = "Colour text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: on a terminal, unless NO_COLOR is set).")
    Colour colour;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    TriageCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws Exception {
        Severity min = severity("--min-severity", minSeverity);
        Severity fail = severity("--fail-on", failOn);
        // Parsing and binding the rules takes a cold JVM about half a second: do it on the other core
        // while the inputs are read (a rule error still stops the run, before any output).
        java.util.concurrent.CompletableFuture<RuleSet> loading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return RulesCommand.load(ruleDirs);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Inputs.Expansion expansion = Inputs.expand(inputs.paths, stdin);
        Triage.Result result;
        List<InputSummary> read;
        RuleSet rules;
        try (Timeline.Stream timeline = Timeline.stream(expansion.inputs(), inputs.scanOptions(), ReadListener.NONE)) {
            rules = RulesCommand.loaded(loading);   // read the inputs first: the rules load on the other core meanwhile
            result = Triage.run(timeline, rules, min, null);
            read = timeline.inputs();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            List<TriageInput> summaries = read.stream()
                    .map(s -> new TriageInput(s.file(), s.format(), s.lines(), s.events(), s.unparsed(), s.buckets(),
                            s.notes())).toList();
            IncidentJson.write(new BufferedWriter(out), summaries, result, explain);
        } else if (format == Format.openmetrics) {
            out.print(TriageMetrics.write(result.incidents(), read.stream().mapToLong(InputSummary::lines).sum(),
                    read.stream().mapToLong(InputSummary::unparsed).sum(), java.time.Instant.now()));
        } else {
            new IncidentText(out, useColour()).write(result, explain);
        }
        out.flush();
        if (!inputs.quiet) {
            InputReport.print(spec.commandLine().getErr(), expansion, read);
        }
        rules.abandonedRegexes().forEach(line -> spec.commandLine().getErr().println("daxray: " + line));
        boolean ioError = !expansion.problems().isEmpty() || read.stream().anyMatch(InputSummary::failed);
        if (ioError) {
            return ExitCodes.USAGE_OR_IO;
        }
        return result.reaches(fail) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private boolean useColour() {
        return switch (colour) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null;
        };
    }

    private Severity severity(String option, String value) {
        return Severity.parse(value).orElseThrow(() -> Cli.usageError(spec, "invalid value for " + option + ": [" + value + "]; expected one of: " + String.join(", ", Severity.labels())));
    }
}
