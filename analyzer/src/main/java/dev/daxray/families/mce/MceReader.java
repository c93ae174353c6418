package dev.daxray.families.mce;

import java.util.Optional;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.events.Origin;
import dev.daxray.families.FamilyReader;
import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.mce.MceLexer;
import dev.daxray.grammar.mce.MceParser;
import dev.daxray.records.LogRecord;

/**
 * Joins the lines of one MCE record dump into one {@link Mce} and reads the one-line messages.
 * A dump opens on its {@code CPU %d: Machine Check} header and closes on {@code Run the above},
 * on the next header, on the first line that is not part of a dump, or at the end of the input.
 */
final class MceReader implements FamilyReader {

    private static final long UC = 1L << 61;
    private static final long PCC = 1L << 57;

    private final ParseDriver<MceParser> driver = new ParseDriver<>(MceLexer::new, MceParser::new);
    private final DumpLineBuilder dumpLines = new DumpLineBuilder();

    private Origin dumpOrigin;
    private DumpLine.Header header;
    private Hex addr;
    private long lastLine;

    @Override
    public boolean offer(LogRecord record, Consumer<Event> sink) {
        Optional<Line> line = parse(record);
        DumpLine dump = line.map(Line::dump).orElse(null);
        if (dump != null && (inBlock() || dump instanceof DumpLine.Header)) {
            read(record, dump, sink);
            return true;
        }
        finish(sink);
        Optional<Mce> message = line.map(Line::message);
        message.ifPresent(sink);
        return message.isPresent();
    }

    private void read(LogRecord record, DumpLine line, Consumer<Event> sink) {
        if (line instanceof DumpLine.Header opened) {
            finish(sink);
            dumpOrigin = record.origin();
            header = opened;
            addr = null;
        } else if (line instanceof DumpLine.Fields fields && fields.addr() != null) {
            addr = fields.addr();
        }
        lastLine = record.origin().endLine();
        if (line instanceof DumpLine.End) {
            finish(sink);
        }
    }

    @Override
    public boolean inBlock() {
        return header != null;
    }

    @Override
    public void finish(Consumer<Event> sink) {
        if (header != null) {
            sink.accept(new Mce(dumpOrigin.through(lastLine), severity(header.status()), addr, header.cpu(),
                    header.bank(), header.status(), header.message()));
            header = null;
            dumpOrigin = null;
            addr = null;
        }
    }

    /** MCi_STATUS: UC (bit 61) clear is corrected; UC with PCC (bit 57) is fatal; UC alone uncorrected. */
    static String severity(Hex status) {
        long bits = status.value();
        if ((bits & UC) == 0) {
            return "corrected";
        }
        return (bits & PCC) != 0 ? "fatal" : "uncorrected";
    }

    /** One line read: a dump line, or a one-line message (exactly one of them is set). */
    private record Line(DumpLine dump, Mce message) {
    }

    private Optional<Line> parse(LogRecord record) {
        try {
            return driver.tryParse(record.body(), MceParser::mceLine).map(tree -> tree.dumpLine() != null
                    ? new Line(dumpLines.visit(tree.dumpLine()), null)
                    : new Line(null, new MceMessageBuilder(record.origin()).visit(tree.message())));
        } catch (NumberFormatException tooWide) {
            return Optional.empty(); // a value wider than the kernel prints: not an MCE line
        }
    }
}
