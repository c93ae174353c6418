package dev.daxray.incidents;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.daxray.matches.Check;
import dev.daxray.matches.NearMiss;
import dev.daxray.output.Untrusted;

/**
 * The report an engineer reads first: one block per incident (most severe first, then by time)
 * with its summary, keys, the processes affected, a short evidence timeline with {@code file:line}
 * and the advice. Colour is used only when the caller asks for it (the CLI decides: a terminal,
 * and no {@code NO_COLOR}). Every log-derived string goes through {@link Untrusted#terminal}: a
 * process or file name cannot move the cursor, clear the screen or forge a line.
 */
public final class IncidentText {

    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean colour;

    public IncidentText(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    public void write(Triage.Result result, boolean explain) {
        List<Incident> incidents = result.incidents();
        if (incidents.isEmpty()) {
            out.println("No incidents.");
        }
        for (int i = 0; i < incidents.size(); i++) {
            if (i > 0) {
                out.println();
            }
            incident(incidents.get(i));
        }
        if (explain) {
            explain(result);
        }
        out.flush();
    }

    /** Monotonic seconds as "12.345678 s", wall-clock time as the capture wrote it. */
    private static String time(Object t) {
        return t instanceof java.math.BigDecimal d ? d.toPlainString() + " s" : t.toString();
    }

    private void incident(Incident in) {
        out.println(paint(severityColour(in.severity()), String.format("%-8s", in.severity().toUpperCase(java.util.Locale.ROOT)))
                + " " + bold(safe(in.title())) + "  [" + safe(in.kind()) + " " + in.id() + "]");
        line("what", in.summary());
        line("labels", String.join(", ", in.labels()));
        StringBuilder where = new StringBuilder();
        if (in.host() != null) {
            where.append("host ").append(in.host()).append(", ");
        }
        where.append("boot ").append(in.boot());
        if (in.kernel() != null) {
            where.append(", kernel ").append(in.kernel());
        }
        if (in.start() != null) {
            where.append(", ").append(time(in.start()));
            if (in.end() != null && !in.end().equals(in.start())) {
                where.append(" to ").append(time(in.end()));
            }
        }
        line("when", where.toString());
        line("clock", in.clock());
        list("pfns", in.pfns());
        list("addresses", in.physAddrs());
        locations(in.locations()).forEach(l -> line("location", l));
        list("devices", in.devices());
        list("fs", in.filesystems());
        list("processes", in.processes().stream().map(Incident.Process::toString).toList());
        String count = in.evidenceCount() > in.evidence().size()
                ? " (" + in.evidence().size() + " of " + in.evidenceCount() + " lines: first and last shown)" : "";
        out.println("  evidence" + count + ":");
        int shown = 0;
        for (Incident.Evidence e : in.evidence()) {
            if (shown == IncidentBuilder.EVIDENCE_HEAD && in.evidenceCount() > in.evidence().size()) {
                out.println("    " + dim("... " + (in.evidenceCount() - in.evidence().size()) + " more lines ..."));
            }
            out.println("    " + dim(safe(e.file()) + ":" + e.line()) + "  " + safe(e.text().strip()));
            shown++;
        }
        if (!in.advice().isBlank()) {
            String[] lines = in.advice().split("\n");
            for (int i = 0; i < lines.length; i++) {
                out.println((i == 0 ? "  advice: " : "          ") + safe(lines[i]));
            }
        }
    }

    /**
     * A line per placed page; a run of pages that cannot be placed for the same reason is one line
     * ("pfn 0x3c1b000 to 0x3c1b03f (64 pages): not placed; needed: …"), not the reason again for every page.
     */
    static List<String> locations(List<Incident.Location> locations) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < locations.size(); ) {
            Incident.Location first = locations.get(i);
            int end = i + 1;
            while (unplaced(first) && end < locations.size() && unplaced(locations.get(end))
                    && Objects.equals(locations.get(end).needed(), first.needed())) {
                end++;
            }
            lines.add(end - i == 1 ? location(first) : "pfn " + first.pfn() + " to " + locations.get(end - 1).pfn()
                    + " (" + (end - i) + " pages): not placed; needed: " + first.needed());
            i = end;
        }
        return lines;
    }

    private static boolean unplaced(Incident.Location l) {
        return l.namespace() == null && l.region() == null;
    }

    /** e.g. "pfn 0x219c200: namespace0.0 sector 1048576 (region0 sector 1056768), badblock namespace0.0 1048576+8". */
    static String location(Incident.Location l) {
        StringBuilder s = new StringBuilder("pfn ").append(l.pfn()).append(": ");
        if (l.namespace() == null && l.region() == null) {
            return s.append("not placed; needed: ").append(l.needed()).toString();
        }
        s.append(l.namespace() != null ? l.namespace() : l.region());
        if (l.namespace() != null && l.sector() != null) {
            s.append(" sector ").append(l.sector());
        }
        if (l.region() != null && l.regionSector() != null) {
            s.append(l.namespace() != null ? " (" + l.region() + " sector " + l.regionSector() + ")"
                    : " sector " + l.regionSector());
        }
        s.append(l.badblock() == null ? ", no listed badblock"
                : ", listed badblock " + l.badblock().device() + " offset " + l.badblock().offset() + " length "
                        + l.badblock().length());
        if (l.needed() != null) {
            s.append("; needed: ").append(l.needed());
        }
        return s.toString();
    }

    private void explain(Triage.Result result) {
        out.println();
        out.println(bold("Rule checks") + " (why rules did or did not fire):");
        for (Map.Entry<String, Map<Check, Long>> rule : result.matches().counters().entrySet()) {
            StringBuilder counts = new StringBuilder();
            for (Map.Entry<Check, Long> c : rule.getValue().entrySet()) {
                counts.append(counts.isEmpty() ? "" : ", ").append(c.getKey().label()).append(' ').append(c.getValue());
            }
            out.println("  " + safe(rule.getKey()) + ": " + (counts.isEmpty() ? "nothing matched" : counts));
        }
        List<NearMiss> misses = result.matches().nearMisses();
        if (!misses.isEmpty()) {
            out.println(bold("Near misses") + ":");
            for (NearMiss miss : misses) {
                out.println("  " + safe(miss.rule()) + " (" + miss.check().label() + "): " + safe(miss.message()));
            }
        }
    }

    private void line(String label, String value) {
        if (value != null && !value.isBlank()) {
            out.println("  " + label + ": " + safe(value));
        }
    }

    private void list(String label, List<String> values) {
        if (!values.isEmpty()) {
            line(label, String.join(", ", values));
        }
    }

    private static String safe(String text) {
        return Untrusted.terminal(text);
    }

    private String severityColour(String severity) {
        return switch (severity) {
            case "critical" -> "\u001b[1;31m";
            case "high" -> "\u001b[31m";
            case "medium" -> "\u001b[33m";
            case "low" -> "\u001b[36m";
            default -> "\u001b[2m";
        };
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private String bold(String text) {
        return paint("\u001b[1m", text);
    }

    private String dim(String text) {
        return paint("\u001b[2m", text);
    }
}
