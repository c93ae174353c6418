package dev.daxray.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.daxray.capture.Inputs;
import dev.daxray.capture.LineBuckets;
import dev.daxray.output.Untrusted;
import dev.daxray.timeline.InputSummary;

/**
 * The per-input summary on standard error: format, lines, events, unparsed lines (with the first
 * few shown), where every line went, and every input that could not be read or was skipped.
 */
final class InputReport {

    private InputReport() {
    }

    static void print(PrintWriter err, Inputs.Expansion expansion, List<InputSummary> summaries) {
        for (String problem : expansion.problems()) {
            err.println("daxray: " + safe(problem));
        }
        if (!expansion.ignored().isEmpty()) {
            err.printf("daxray: skipped %d hidden or .daxrayignore'd entr%s%n", expansion.ignored().size(),
                    expansion.ignored().size() == 1 ? "y" : "ies");
        }
        for (InputSummary s : summaries) {
            if (s.failed() && s.lines() == 0) {
                err.printf("daxray: %s: %s%n", safe(s.file()), safe(s.error()));
                continue;
            }
            StringBuilder line = new StringBuilder();
            line.append(String.format("%s: %s, %d lines, %d events, %d unparsed", safe(s.file()), s.format(), s.lines(),
                    s.events(), s.unparsed()));
            if (s.boots() > 1) {
                line.append(", ").append(s.boots()).append(" boots");
            }
            if (s.truncated() > 0) {
                line.append(", ").append(s.truncated()).append(" long lines truncated");
            }
            if (s.nulBytes() > 0) {
                line.append(", ").append(s.nulBytes()).append(" NUL bytes removed");
            }
            err.println(line);
            LineBuckets b = s.buckets();
            err.printf("  lines: %d event, %d context, %d chatter, %d skipped by anchors, %d unparsed%n", b.event(),
                    b.context(), b.chatter(), b.skipped(), b.unparsed());
            for (String note : s.notes()) {
                err.printf("  %s%n", abbreviate(note));
            }
            for (InputSummary.Unparsed u : s.unparsedSample()) {
                err.printf("  unparsed %s:%d: %s%n", safe(s.file()), u.line(), abbreviate(u.text()));
            }
            if (s.unparsed() > s.unparsedSample().size()) {
                err.printf("  ... and %d more unparsed lines%n", s.unparsed() - s.unparsedSample().size());
            }
            if (s.failed()) {
                err.printf("daxray: %s: %s%n", safe(s.file()), safe(s.error()));
            }
        }
        err.flush();
    }

    /** At most 120 characters, escaped so a binary line cannot upset the terminal. */
    private static String abbreviate(String text) {
        return safe(text.length() <= 120 ? text : text.substring(0, 119) + "…");
    }

    private static String safe(String text) {
        return Untrusted.terminal(text);
    }
}
