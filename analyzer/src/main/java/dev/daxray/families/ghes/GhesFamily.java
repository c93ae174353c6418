package dev.daxray.families.ghes;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.families.Family;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.OutOfRange;
import dev.daxray.families.fast.FastFamily;
import dev.daxray.families.fast.VerifiedFastPath;
import dev.daxray.families.ghes.GhesLine.Header;
import dev.daxray.families.ghes.GhesLine.Message;
import dev.daxray.families.ghes.GhesLine.RecordLine;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.ghes.GhesLexer;
import dev.daxray.grammar.ghes.GhesParser;
import dev.daxray.records.LogRecord;

/**
 * Firmware-first hardware error reports (reference §2.7): the {@code {N}[Hardware Error]:} lines
 * of one APEI/GHES CPER record, or of an arm64 AEST record, joined into one
 * {@link dev.daxray.events.Ghes} event; and the one-line {@code GHES:} messages.
 *
 * <p>A record opens at its header (or at its first line when the capture starts mid-record) and
 * is emitted at the next record's header, at a line of another record number, at a {@code GHES:}
 * message, at the end of the input, or at a line of another family once the record has printed
 * its last field (memory {@code error_type}, {@code DIMM location}, AEST {@code ERR<n>MISC3}).
 * Lines of other families that arrive before that (a {@code Memory failure:} line from another
 * CPU, say) are not consumed and leave the record open, unless the record went quiet: more than
 * {@value #MAX_FOREIGN_LINES} such lines or {@value #MAX_GAP_MICROS} µs after its last line.
 */
public final class GhesFamily implements Family, FastFamily {

    static final int MAX_FOREIGN_LINES = 8;
    static final long MAX_GAP_MICROS = 1_000_000;

    @Override
    public String name() {
        return "ghes";
    }

    @Override
    public List<String> keywords() {
        return List.of("[Hardware Error]", "GHES:");
    }

    @Override
    public FamilyReader newReader() {
        return new Reader(newFastPath());
    }

    /** The memory record's lines skip the grammar once it agreed on their shape. */
    @Override
    public VerifiedFastPath<GhesLine> newFastPath() {
        ParseMemo<GhesParser, GhesParser.LineContext> lines
                = ParseMemo.of(GhesLexer::new, GhesParser::new, GhesParser::line);
        return new VerifiedFastPath<>(new GhesFastLine(), record -> !mayParse(record.body()) ? Optional.empty()
                : lines.tryParse(record.body())
                        .flatMap(tree -> OutOfRange.orEmpty(() -> new GhesBuilder(record.origin()).visit(tree))));
    }

    /**
     * False for a line the grammar cannot read, so it is not tried: each of its lines has a record's
     * {@code {seq}} or a {@code GHES:} message token, and the keyword {@code [Hardware Error]} also brings
     * every line of an MCE dump ({@code mce: [Hardware Error]: TSC 0 ADDR …}), which has neither. Not an
     * anchor ({@link #mayRead}): a {@code [Hardware Error]} line no family reads must stay counted as unparsed
     * (a hardware message daxray does not know), not skipped (AmdDecoderInterleaveTest).
     */
    static boolean mayParse(String body) {
        return body.indexOf('{') >= 0 || body.contains("GHES:");
    }

    private static final class Reader implements FamilyReader {
        private final VerifiedFastPath<GhesLine> lines;
        private OpenRecord open;

        Reader(VerifiedFastPath<GhesLine> lines) {
            this.lines = lines;
        }

        @Override
        public boolean offer(LogRecord record, Consumer<Event> sink) {
            Optional<GhesLine> parsed = lines.parse(record);
            if (parsed.isEmpty()) {
                if (open != null && open.closedBy(record.origin(), MAX_FOREIGN_LINES, MAX_GAP_MICROS)) {
                    finish(sink);
                }
                return false;
            }
            GhesLine line = parsed.get();
            if (line instanceof Message m) {
                finish(sink);
                sink.accept(m.event());
            } else if (line instanceof RecordLine r) {
                boolean sameRecord = open != null && open.seq == r.seq() && open.source.equals(r.source());
                if (r.field() instanceof Header || !sameRecord) {
                    finish(sink);
                    open = new OpenRecord(record.origin(), r.seq(), r.source());
                }
                open.add(record.origin(), r.field());
            }
            return true;
        }

        @Override
        public boolean inBlock() {
            return open != null;
        }

        @Override
        public void finish(Consumer<Event> sink) {
            if (open != null) {
                sink.accept(open.toEvent());
                open = null;
            }
        }
    }
}
