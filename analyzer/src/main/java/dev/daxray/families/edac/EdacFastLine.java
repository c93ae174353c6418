package dev.daxray.families.edac;

import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.families.fast.FastLine;
import dev.daxray.families.fast.Text;
import dev.daxray.records.LogRecord;

/**
 * The EDAC core's counted error line as most drivers print it, read without the grammar:
 * {@code EDAC MC<n>: <count> CE|UE <message> on <label> (<location> page:0x<pfn> offset:0x<offset>
 * grain:<n> [syndrome:0x<s>] [- <detail>])}. Declines a line with a {@code SystemAddress:}, a zero
 * page and offset, a TAB, or anything it does not expect; {@link dev.daxray.families.fast.VerifiedFastPath}
 * checks what it claims against {@code Edac.g4}.
 */
final class EdacFastLine implements FastLine<Event> {

    private static final String PREFIX = "EDAC MC";
    private static final String PAGE = "page:0x";
    private static final String OFFSET = " offset:0x";
    private static final String GRAIN = " grain:";
    private static final String SYNDROME = " syndrome:0x";

    @Override
    public Event read(LogRecord record) {
        String s = record.body();
        if (!s.startsWith(PREFIX) || !Text.plain(s) || s.contains("SystemAddress:")) {
            return null;
        }
        int mcEnd = Text.digitsEnd(s, PREFIX.length());
        if (mcEnd < 0 || !s.startsWith(": ", mcEnd)) {
            return null;
        }
        int countEnd = Text.digitsEnd(s, mcEnd + 2);
        if (countEnd < 0 || !(s.startsWith(" CE ", countEnd) || s.startsWith(" UE ", countEnd))) {
            return null;
        }
        boolean corrected = s.charAt(countEnd + 1) == 'C';
        int on = s.indexOf(" on ", countEnd + 3);
        int open = on < 0 ? -1 : s.indexOf(" (", on + 4);
        int page = open < 0 ? -1 : s.indexOf(PAGE, open + 2);
        if (page < 0 || s.charAt(page - 1) != ' ' && page != open + 2) {
            return null;
        }
        String label = Text.trimmed(s, on + 4, open);
        int pfnEnd = Text.hexEnd(s, page + PAGE.length());
        if (label == null || pfnEnd < 0 || !s.startsWith(OFFSET, pfnEnd)) {
            return null;
        }
        int offsetEnd = Text.hexEnd(s, pfnEnd + OFFSET.length());
        if (offsetEnd < 0 || !s.startsWith(GRAIN, offsetEnd)) {
            return null;
        }
        int grainEnd = Text.digitsEnd(s, offsetEnd + GRAIN.length());
        int tail = grainEnd;
        if (tail >= 0 && s.startsWith(SYNDROME, tail)) {
            tail = Text.hexEnd(s, tail + SYNDROME.length());
        }
        if (tail < 0) {
            return null;
        }
        String detail = null;
        if (s.startsWith(" - ", tail)) {
            int end = s.endsWith(")") ? s.length() - 1 : s.length();
            detail = Text.trimmed(s, tail + 3, end);
        } else if (!s.startsWith(")", tail) || tail + 1 != s.length()) {
            return null;
        }
        Hex pfn = Text.hex(s, page + PAGE.length(), pfnEnd);
        Hex offset = Text.hex(s, pfnEnd + OFFSET.length(), offsetEnd);
        if (pfn.value() == 0 && offset.value() == 0) {
            return null;
        }
        return new Edac(record.origin(), Text.decimal(s, PREFIX.length(), mcEnd), corrected ? "corrected" : "uncorrected",
                Text.decimal(s, mcEnd + 2, countEnd), Text.trimmed(s, countEnd + 3, on), label, pfn, offset,
                Text.decimal(s, offsetEnd + GRAIN.length(), grainEnd), new Hex((pfn.value() << 12) + offset.value()),
                detail, Text.trimmed(s, open + 2, page));
    }
}
