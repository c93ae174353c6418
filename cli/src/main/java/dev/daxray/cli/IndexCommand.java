package dev.daxray.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.daxray.index.IndexHealth;
import dev.daxray.output.Untrusted;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daxray index check [--fix] DIR}: the health of an incident index, and its repair. */
@Command(name = "index",
        mixinStandardHelpOptions = true,
        description = "Check and repair an incident index.",
        subcommands = {IndexCommand.Check.class})
public final class IndexCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check every segment of the index with Lucene's CheckIndex (reads all of it).",
                    "With --fix, drop the damaged segments: the incidents in them are lost (those still",
                    "readable are listed), and the records of the hosts they came from are removed, so",
                    "the next batch reads those hosts again. batch refuses a damaged index until then."},
            footer = {"", "Examples:",
                    "  daxray index check idx",
                    "  daxray index check --fix idx && daxray batch --index idx /dumps/latest",
                    "",
                    "Exit codes: 0 no damage (or repaired with --fix), 2 damage found, no index or",
                    "the index is in use, 4 internal error."})
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The index directory.")
        Path index;

        @Option(names = "--fix", description = "Drop the damaged segments (their incidents are lost until their hosts are read again).")
        boolean fix;

        @Mixin
        DebugOption debug = new DebugOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            IndexHealth.Report report;
            IndexHealth.Fix repair = null;
            if (fix) {
                repair = IndexHealth.fix(index);
                report = repair.before();
            } else {
                report = IndexHealth.check(index);
            }
            print(out, report);
            if (repair != null && !report.clean()) {
                long documents = report.damaged().stream().mapToLong(IndexHealth.Segment::documents).sum();
                out.println("dropped " + report.damaged().size() + " damaged segment" + (report.damaged().size() == 1 ? "" : "s")
                        + " (" + documents + " documents: incidents and host records)");
                out.println("incidents lost: " + (repair.lostIncidents().isEmpty() ? "none readable"
                        : safe(String.join(", ", repair.lostIncidents())))
                        + (repair.unreadable() > 0 ? "; " + repair.unreadable() + " document" + (repair.unreadable() == 1 ? "" : "s")
                        + " could not be read" : ""));
                out.println("hosts to read again (records removed; the next batch reads them): "
                        + (repair.hostsToRead().isEmpty() ? "none" : safe(String.join(", ", repair.hostsToRead()))));
            }
            out.flush();
            return report.clean() || repair != null ? ExitCodes.OK : ExitCodes.USAGE_OR_IO;
        }

        private static void print(PrintWriter out, IndexHealth.Report report) {
            out.println("index " + safe(report.index().toString()) + ": " + report.segments() + " segments, "
                    + report.documents() + " documents; " + (report.clean() ? "no damage found"
                    : report.damaged().size() + " damaged:"));
            if (report.commitProblem() != null) {
                out.println("  " + safe(report.describe()));
                return;
            }
            List<IndexHealth.Segment> damaged = report.damaged();
            for (IndexHealth.Segment s : damaged) {
                out.println("  segment " + s.name() + " (" + s.documents() + " documents; files " + String.join(" ", s.files())
                        + "): " + safe(s.problem()));
            }
        }

        private static String safe(String text) {
            return Untrusted.terminal(text);
        }
    }
}
