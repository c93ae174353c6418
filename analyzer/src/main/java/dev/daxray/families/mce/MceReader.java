package dev.daxray.families.mce;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.events.Origin;
import dev.daxray.families.FamilyReader;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.mce.MceLexer;
import dev.daxray.grammar.mce.MceParser;
import dev.daxray.records.LogRecord;

/**
 * Joins the lines of one MCE record dump into one {@link Mce} and reads the one-line messages.
 * A dump opens on its {@code CPU %d: Machine Check} header (or the AMD decoder's status sentence)
 * and closes on {@code Run the above}, on the next header, on the first line that is not part of
 * a dump, or at the end of the input. On AMD, amd64_edac prints its {@code EDAC MCn:} line, and amd.c its
 * address-translation complaints ({@code umc_normaddr_to_sysaddr: …}), from inside the decoder
 * (mce_amd.c decodes the bank, calls the DRAM ECC decoder, then prints the error code's {@code cache level:}
 * line): up to {@value #INTERLEAVED_MAX} such lines leave the AMD block open for the lines that follow them;
 * the other families still read them.
 */
final class MceReader implements FamilyReader {

    private static final long UC = 1L << 61;
    private static final long PCC = 1L << 57;
    private static final int INTERLEAVED_MAX = 8;
    /**
     * How the lines printed from inside the AMD decoder start: amd64_edac's report, amd.c's address translation
     * ({@code umc_normaddr_to_sysaddr: …}, with the {@code mce: } prefix from 5.x on), the 6.x address
     * translation library ({@code amd_atl: …}).
     */
    private static final List<String> INTERLEAVING = List.of("EDAC ", "mce: ", "umc_normaddr_to_sysaddr:", "amd_atl: ");

    private final ParseMemo<MceParser, MceParser.MceLineContext> lines
            = ParseMemo.of(MceLexer::new, MceParser::new, MceParser::mceLine);
    private final DumpLineBuilder dumpLines = new DumpLineBuilder();

    /** The dump being joined: null when none is open. */
    private OpenDump open;

    /** What an open dump has gathered so far; the AMD block learns cpu, bank and status after its header. */
    private static final class OpenDump {
        final Origin origin;
        long lastLine;
        String message;
        String severity;
        Integer cpu;
        Integer bank;
        Hex status;
        Hex addr;
        boolean amd;
        int interleaved;

        OpenDump(Origin origin) {
            this.origin = origin;
            this.lastLine = origin.endLine();
        }

        Mce event() {
            return new Mce(origin.through(lastLine), severity, addr, cpu, bank, status, message);
        }
    }

    @Override
    public boolean offer(LogRecord record, Consumer<Event> sink) {
        Optional<Line> line = parse(record);
        DumpLine dump = line.map(Line::dump).orElse(null);
        if (dump != null && (inBlock() || opens(dump))) {
            read(record, dump, sink);
            return true;
        }
        if (line.isEmpty() && interleaves(record)) {
            open.interleaved++;
            return false;
        }
        finish(sink);
        Optional<Mce> message = line.map(Line::message);
        message.ifPresent(sink);
        return message.isPresent();
    }

    private static boolean opens(DumpLine line) {
        return line instanceof DumpLine.Header || line instanceof DumpLine.AmdHeader;
    }

    private void read(LogRecord record, DumpLine line, Consumer<Event> sink) {
        if (opens(line)) {
            finish(sink);
            open = new OpenDump(record.origin());
        }
        if (line instanceof DumpLine.Header header) {
            open.cpu = header.cpu();
            open.bank = header.bank();
            open.status = header.status();
            open.message = header.message();
            open.severity = severity(header.status());
        } else if (line instanceof DumpLine.AmdHeader header) {
            open.amd = true;
            open.message = header.message();
            open.severity = header.severity();
        } else if (line instanceof DumpLine.AmdStatus status) {
            open.cpu = status.cpu();
            open.bank = status.bank();
            open.status = status.status();
        } else if (line instanceof DumpLine.Fields fields && fields.addr() != null) {
            open.addr = fields.addr();
        }
        open.lastLine = record.origin().endLine();
        if (line instanceof DumpLine.End) {
            finish(sink);
        }
    }

    /** A line amd64_edac or amd.c prints inside an open AMD decoder block (see the class comment). */
    private boolean interleaves(LogRecord record) {
        if (open == null || !open.amd || open.interleaved >= INTERLEAVED_MAX) {
            return false;
        }
        String body = record.body().stripLeading();
        return !body.contains("[Hardware Error]") && INTERLEAVING.stream().anyMatch(body::startsWith);
    }

    @Override
    public boolean inBlock() {
        return open != null;
    }

    @Override
    public void finish(Consumer<Event> sink) {
        if (open != null) {
            sink.accept(open.event());
            open = null;
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
            return lines.tryParse(record.body()).map(tree -> tree.dumpLine() != null
                    ? new Line(dumpLines.visit(tree.dumpLine()), null)
                    : new Line(null, new MceMessageBuilder(record.origin()).visit(tree.message())));
        } catch (NumberFormatException tooWide) {
            return Optional.empty(); // a value wider than the kernel prints: not an MCE line
        }
    }
}
