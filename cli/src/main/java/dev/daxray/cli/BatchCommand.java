package dev.daxray.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.daxray.batch.Batch;
import dev.daxray.fleet.BundleReader;
import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetScanner;
import dev.daxray.fleet.HostTriage;
import dev.daxray.index.IncidentIndex;
import dev.daxray.output.Untrusted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daxray batch}: triage every host of fleet dumps into the incident index. */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = {
                "Triage every host bundle of fleet dumps and upsert the incidents into a Lucene index.",
                "",
                "A fleet dump is a directory with one entry per host: a directory of captures (read",
                "recursively, compressed files too), a tar archive (.tar, .tar.gz, .tar.zst, .tar.xz, .tar.bz2),",
                "or one capture file. The host is named by the logs, else by the entry's name. Hidden entries and",
                "those the fleet root's .daxrayignore names are skipped.",
                "",
                "Re-running is safe: incidents are upserted by id, and a bundle whose content (and rules) are",
                "unchanged is skipped; a bundle whose content changed replaces what the same path gave before.",
                "A host that cannot be read is reported and skipped; the batch goes on."},
        footer = {"", "Examples:",
                "  daxray batch --index idx samples/fleet/",
                "  daxray batch --index /srv/daxray/idx --jobs 2 --ndjson new.ndjson \\",
                "      /dumps/2026-03-0*",
                "  daxray index check idx",
                "",
                "Exit codes: 0 every host read, 2 usage error or some host (or input) could not",
                "be read, 4 internal error (a bug; the host it hit is skipped), 5 out of memory."})
public final class BatchCommand implements Callable<Integer> {

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory (created when missing).")
    Path index;

    @Option(names = "--jobs", paramLabel = "N", description = "Hosts read in parallel (default: the cores the JVM is given; each job holds one host's events).")
    Integer jobs;

    @Option(names = "--ndjson", paramLabel = "FILE", description = {"Also write the incidents indexed by this run, one JSON object a line. The file is kept in step",
            "with the index: a batch killed midway leaves FILE.partial, which the next batch completes."})
    Path ndjson;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the *.rules files of DIR (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--commit-every", defaultValue = "64", paramLabel = "N",
            description = "Commit after every N hosts (and every 2 s); a killed batch loses at most the uncommitted ones (default: ${DEFAULT-VALUE}).")
    int commitEvery;

    @Option(names = "--quiet", description = "No progress display (host problems and the summary are still printed).")
    boolean quiet;

    @Mixin
    DebugOption debug = new DebugOption();

    @Parameters(paramLabel = "FLEET", arity = "1..*", description = "Fleet dump directories (or single host bundles).")
    List<Path> fleets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw Cli.usageError(spec, "--jobs must be at least 1, not [" + n + "]");
        }
        if (ndjson != null && ndjson.toString().equals("-")) {
            throw Cli.usageError(spec, "--ndjson needs a file name: standard output carries the summary");
        }
        if (commitEvery < 1) {
            throw Cli.usageError(spec, "--commit-every must be at least 1, not ["
                    + commitEvery + "]");
        }
        HostTriage.Settings settings = HostTriage.Settings.of(RulesCommand.texts(ruleDirs), IncidentIndex.FORMAT);
        FleetScanner.Scan scan = FleetScanner.scan(fleets, index);
        scan.problems().forEach(p -> err.println("daxray: " + Untrusted.terminal(p)));
        long started = System.nanoTime();
        Batch.Summary summary;
        long total;
        try (IncidentIndex idx = IncidentIndex.openForWriting(index);
             NdjsonOutput json = ndjson == null ? null : NdjsonOutput.open(ndjson)) {
            BatchProgress progress = BatchProgress.forStderr(err, quiet);
            Batch.Listener listener = json == null ? progress : new Batch.Listener() {
                @Override
                public void started(int bundles, long bytes) {
                    progress.started(bundles, bytes);
                }

                @Override
                public void bytesRead(long bytes) {
                    progress.bytesRead(bytes);
                }

                @Override
                public void finished(BundleReader.Outcome outcome) {
                    progress.finished(outcome);
                }

                @Override
                public void indexed(FleetIncident incident) throws IOException {
                    json.write(incident);
                }

                @Override
                public void beforeCommit() throws IOException {
                    json.sync();
                }
            };
            try {
                summary = Batch.run(scan.bundles(), idx, settings.rules(), settings.digest(),
                        new Batch.Options(n, commitEvery, 2_000), listener);
                total = idx.incidentCount();
            } catch (IOException e) {
                // Disk full, a read-only or vanished file system: say where, and that nothing is half-written.
                throw new IOException("writing index " + index + " failed: " + Cli.describe(e) + "; it keeps its last"
                        + " commit (whole hosts only): fix the cause and run the batch again, it goes on from there", e);
            }
            if (json != null) {
                json.finish();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        printSummary(new PrintWriter(new BufferedWriter(out)), summary, total, seconds, scan);
        settings.rules().abandonedRegexes().forEach(line -> err.println("daxray: " + line));
        if (summary.withProblems().stream().anyMatch(o -> o.status() == BundleReader.Status.BROKEN)) {
            return ExitCodes.INTERNAL;
        }
        boolean problems = !scan.problems().isEmpty() || summary.failed() > 0 || !summary.withProblems().isEmpty();
        return problems ? ExitCodes.USAGE_OR_IO : ExitCodes.OK;
    }

    private static void printSummary(PrintWriter out, Batch.Summary s, long total, double seconds, FleetScanner.Scan scan) {
        long withProblems = s.withProblems().stream().filter(o -> !o.skipped()).count();
        out.printf(java.util.Locale.ROOT, "hosts: %d (%d indexed, %d unchanged, %d failed, %d with problems)%n",
                s.bundles(), s.indexed(), s.unchanged(), s.failed(), withProblems);
        out.printf(java.util.Locale.ROOT, "bytes: %.1f MB read in %.1f s (%.1f MB/s)%n", s.bytes() / 1e6, seconds,
                s.bytes() / 1e6 / Math.max(seconds, 1e-3));
        out.printf("incidents: %d indexed by this run; the index holds %d%n", s.incidents(), total);
        if (!s.byKind().isEmpty()) {
            out.println("  by kind:     " + join(s.byKind()));
            out.println("  by severity: " + join(orderedSeverities(s.bySeverity())));
        }
        if (!s.withProblems().isEmpty() || !scan.problems().isEmpty()) {
            out.println("hosts with errors:");
            for (BundleReader.Outcome o : s.withProblems()) {
                out.println("  " + Untrusted.terminal(o.bundle().name()) + (o.skipped() ? " (skipped)" : " (indexed)")
                        + ": " + Untrusted.terminal(String.join("; ", o.problems())));
            }
            for (String p : scan.problems()) {
                out.println("  " + Untrusted.terminal(p));
            }
        }
        out.flush();
    }

    private static Map<String, Long> orderedSeverities(Map<String, Long> bySeverity) {
        Map<String, Long> ordered = new java.util.LinkedHashMap<>();
        for (String label : dev.daxray.rules.Severity.labels()) {
            if (bySeverity.containsKey(label)) {
                ordered.put(label, bySeverity.get(label));
            }
        }
        return ordered;
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> Untrusted.terminal(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
