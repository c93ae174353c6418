package dev.daxray.timeline;

import java.util.HashMap;
import java.util.Map;

import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.PrefixSniffer;

/**
 * Which format an input is: each line's prefix votes (the sniffer's shapes are counted apart, on
 * the fast path), the most votes win; an input of JSON, a trace tool's header or undecodable bytes
 * says so when no prefix voted.
 */
final class FormatVotes {

    static final String CONSOLE = "console";
    static final String BINARY = "binary (not a text capture)";

    private final Map<String, Long> votes = new HashMap<>();
    private final long[] sniffed = new long[PrefixSniffer.Shape.values().length];
    /** Lines decoded, those with bytes that are not UTF-8, and binary lines (never decoded). */
    private long decoded;
    private long undecodable;
    private long binary;
    private boolean json;
    /** The trace tool a header named ({@code ftrace}, {@code trace-cmd}); event lines then count as its format. */
    private String traceFlavour;

    void sniffed(PrefixSniffer.Shape shape) {
        sniffed[shape.ordinal()]++;
    }

    void binaryLine() {
        binary++;
    }

    void decoded(String line) {
        decoded++;
        if (line.indexOf('\uFFFD') >= 0) {
            undecodable++;
        }
    }

    void json(boolean json) {
        this.json = json;
    }

    /** A parsed line's envelope: its format, or its trace tool's when a header named one. */
    void vote(EnvelopeKind kind, String format) {
        if (kind == EnvelopeKind.TRACE_HEADER && traceFlavour == null) {
            traceFlavour = format;
        }
        if (kind != EnvelopeKind.CONTINUATION && kind != EnvelopeKind.JOURNAL_MARKER && kind != EnvelopeKind.TRACE_HEADER) {
            boolean kernelLayout = kind == EnvelopeKind.TRACE && format.equals("ftrace");
            votes.merge(kernelLayout && traceFlavour != null ? traceFlavour : format, 1L, Long::sum);
        }
    }

    /** The winning format. */
    String format() {
        Map<String, Long> all = new HashMap<>(votes);
        for (PrefixSniffer.Shape shape : PrefixSniffer.Shape.values()) {
            if (sniffed[shape.ordinal()] > 0) {
                all.merge(shape.format(), sniffed[shape.ordinal()], Long::sum);
            }
        }
        String format = all.entrySet().stream()
                .filter(vote -> !vote.getKey().equals(CONSOLE))
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(json ? "json" : traceFlavour != null ? traceFlavour : all.isEmpty() && binary == 0
                        ? "empty" : CONSOLE);
        if (format.equals(CONSOLE) && (undecodable + binary) * 10 > decoded + binary) {
            format = BINARY; // not text: every line it has is unparsed, none "normal console"
        }
        return format;
    }
}
