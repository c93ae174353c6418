package dev.daxray.families.rasdaemon;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.DimmErrors;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.IoError;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;
import dev.daxray.rasdaemon.RasEvents;

/**
 * The rows of {@code ras-mc-ctl --errors}, {@code --summary} and {@code --error-count} (util/ras-mc-ctl.in,
 * v0.4.2 to 0.8.5): each row kind by its section. Values are printed as stored, so the error rows' integers
 * are decimal, except the MCE rows' register fields ({@code , status=0x%08x}); the decoded texts hold
 * commas, so MCE fields are found by their names.
 */
final class RasMcCtlRows {

    /** A section of the output, by its header. */
    enum Section { MEMORY_CONTROLLER, AER, EXTLOG, MEMORY_FAILURE, MCE, MC_SUMMARY, OTHER_SUMMARY, ERROR_COUNT, OTHER }

    private static final String TS = "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4})?";
    private static final Pattern MC = Pattern.compile("^(\\d{1,18}) " + TS + " ?(\\d{1,10}) (\\S+) error\\(s\\): (.*?) at (.*?)"
            + " location: (-?\\d{1,6}):(-?\\d{1,6}):(-?\\d{1,6}):(-?\\d{1,6}), addr (\\d{1,20}), grain (\\d{1,3}),"
            + " syndrome (\\d{1,20}) ?(.*)$");
    private static final Pattern AER = Pattern.compile("^(\\d{1,18}) " + TS + " ?(?:(\\S+) )?(.+?) error: (.*)$");
    private static final Pattern EXTLOG = Pattern.compile("^(\\d{1,18}) " + TS + " ?error: type=(.*?), severity=(.*?),"
            + " address=0x([0-9a-f]{1,16}),(?: fru_id=.*?, fru_text='(.*?)',)?.*$");
    private static final Pattern MF = Pattern.compile("^(\\d{1,18}) " + TS + " ?error: pfn=(0x[0-9a-f]{1,16}),"
            + " page_type=(.*), action_result=(.*)$");
    private static final Pattern MCE = Pattern.compile("^(\\d{1,18}) " + TS + " ?error: (.*)$");
    private static final Pattern MCE_MESSAGE = Pattern.compile("^(.*?)(?:, (?:CPU \\d|bank |mcg |mci |mca |\\w+=0x).*)?$");
    private static final Pattern SUMMARY_MC = Pattern.compile(
            "^(\\S+) on DIMM Label\\(s\\): '(.*)' location: (-?\\d{1,6}:-?\\d{1,6}:-?\\d{1,6}:-?\\d{1,6}) errors: (\\d{1,18})$");
    private static final Pattern ERROR_COUNT = Pattern.compile("^(.+?)\\s*\\t(\\d{1,18})\\t(\\d{1,18})$");
    private static final long ADDRV = 1L << 58;
    private static final int PAGE_SHIFT = 12;

    private RasMcCtlRows() {
    }

    /** The event of a row of {@code section}; empty when the row is no row of it (null when read but no event). */
    static Optional<Optional<Event>> row(Section section, String text, Origin origin) {
        Matcher m;
        return switch (section) {
            case MEMORY_CONTROLLER -> (m = MC.matcher(text)).matches() ? found(edac(m, at(origin, m.group(2)))) : none();
            case AER -> (m = AER.matcher(text)).matches() ? found(new IoError(at(origin, m.group(2)), m.group(3),
                    m.group(4) + " error: " + m.group(5))) : none();
            case EXTLOG -> (m = EXTLOG.matcher(text)).matches() ? found(new Ghes(at(origin, m.group(2)), null, "extlog",
                    m.group(4), "memory error", null, null, m.group(3), Hex.parse(m.group(5)), null, null,
                    m.group(6) == null || m.group(6).isEmpty() ? null : m.group(6))) : none();
            case MEMORY_FAILURE -> (m = MF.matcher(text)).matches() ? found(new MemoryFailure(at(origin, m.group(2)),
                    Hex.parse(m.group(3)), m.group(4), m.group(5))) : none();
            case MCE -> (m = MCE.matcher(text)).matches() ? found(mce(m.group(3), at(origin, m.group(2)))) : none();
            case MC_SUMMARY -> (m = SUMMARY_MC.matcher(text)).matches() ? found(summary(m, origin)) : none();
            case ERROR_COUNT -> (m = ERROR_COUNT.matcher(text)).matches() ? found(count(m, origin)) : none();
            case OTHER_SUMMARY, OTHER -> Optional.of(Optional.empty());
        };
    }

    private static Optional<Optional<Event>> found(Event event) {
        return Optional.of(Optional.ofNullable(event));
    }

    private static Optional<Optional<Event>> none() {
        return Optional.empty();
    }

    private static Edac edac(Matcher m, Origin origin) {
        long address = Long.parseUnsignedLong(m.group(11));
        boolean known = address != 0;
        return new Edac(origin, Integer.valueOf(m.group(7)), m.group(4).toLowerCase(Locale.ROOT), Integer.valueOf(m.group(3)),
                blank(m.group(5)), blank(m.group(6)), known ? new Hex(address).shiftRight(PAGE_SHIFT) : null,
                known ? new Hex(address & ((1L << PAGE_SHIFT) - 1)) : null, Integer.valueOf(m.group(12)),
                known ? new Hex(address) : null, blank(m.group(14)),
                "location:" + m.group(8) + ":" + m.group(9) + ":" + m.group(10));
    }

    private static Mce mce(String fields, Origin origin) {
        Hex status = field(fields, "status");
        Hex addr = field(fields, "addr");
        Hex cpu = field(fields, "cpu");
        Hex bank = field(fields, "bank");
        Matcher message = MCE_MESSAGE.matcher(fields);
        String text = message.matches() ? blank(message.group(1)) : null;
        Hex physAddr = status != null && addr != null && addr.value() != 0 && (status.value() & ADDRV) != 0 ? addr : null;
        return new Mce(origin, status == null ? null : Mce.severityOf(status), physAddr,
                cpu == null ? null : (int) cpu.value(), bank == null ? null : (int) bank.value(), status, text);
    }

    private static Hex field(String fields, String name) {
        Matcher m = Pattern.compile("(?:^|, )" + name + "=0x([0-9a-f]{1,16})(?:,|$)").matcher(fields);
        return m.find() ? Hex.parse(m.group(1)) : null;
    }

    private static DimmErrors summary(Matcher m, Origin origin) {
        long errors = Long.parseLong(m.group(4));
        boolean corrected = m.group(1).toLowerCase(Locale.ROOT).startsWith("corrected");
        return errors == 0 ? null : new DimmErrors(origin, "ras-mc-ctl", m.group(2), m.group(3),
                corrected ? errors : null, corrected ? null : errors, m.group(1) + " errors: " + errors);
    }

    private static DimmErrors count(Matcher m, Origin origin) {
        long ce = Long.parseLong(m.group(2));
        long ue = Long.parseLong(m.group(3));
        return ce + ue == 0 ? null : new DimmErrors(origin, "ras-mc-ctl", m.group(1).strip(), null, ce, ue,
                ce + " corrected, " + ue + " uncorrected (EDAC counters)");
    }

    /** The origin with the row's own time, when the line has none. */
    static Origin at(Origin o, String timestamp) {
        String wall = RasEvents.wall(timestamp);
        return wall == null || o.wall() != null ? o : new Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(),
                o.micros(), o.sortMicros(), wall, o.boot(), o.host(), o.kernel(), o.also());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
