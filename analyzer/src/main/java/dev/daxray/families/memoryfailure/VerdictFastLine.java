package dev.daxray.families.memoryfailure;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Sigbus;
import dev.daxray.families.fast.FastLine;
import dev.daxray.families.fast.Text;
import dev.daxray.records.LogRecord;

/**
 * The two lines a poison storm repeats, as 4.7+ kernels print them, read without the grammar:
 * {@code Memory failure: 0x<pfn>: recovery action for <page type>: <result>} and
 * {@code Memory failure: 0x<pfn>: Sending SIGBUS to <comm>:<pid> due to hardware memory corruption}.
 * Declines every other line; {@link dev.daxray.families.fast.VerifiedFastPath} checks what it
 * claims against {@code MemoryFailure.g4}.
 */
final class VerdictFastLine implements FastLine<Event> {

    private static final String PREFIX = "Memory failure: 0x";
    private static final String RECOVERY = ": recovery action for ";
    private static final String SIGBUS = ": Sending SIGBUS to ";
    private static final String CORRUPTION = " due to hardware memory corruption";

    @Override
    public Event read(LogRecord record) {
        String s = record.body();
        if (!s.startsWith(PREFIX) || !Text.plain(s)) {
            return null;
        }
        int pfnEnd = Text.hexEnd(s, PREFIX.length());
        if (pfnEnd < 0) {
            return null;
        }
        Hex pfn = Text.hex(s, PREFIX.length(), pfnEnd);
        if (s.startsWith(RECOVERY, pfnEnd)) {
            return verdict(record, s, pfn, pfnEnd + RECOVERY.length());
        }
        if (s.startsWith(SIGBUS, pfnEnd) && s.endsWith(CORRUPTION)) {
            return sigbus(record, s, pfn, pfnEnd + SIGBUS.length(), s.length() - CORRUPTION.length());
        }
        return null;
    }

    /** {@code <page type>: <result>}, the result one word up to the end. */
    private static Event verdict(LogRecord record, String s, Hex pfn, int from) {
        int colon = s.lastIndexOf(": ");
        if (colon < from) {
            return null;
        }
        for (int i = colon + 2; i < s.length(); i++) {
            if (!word(s.charAt(i))) {
                return null;
            }
        }
        String pageType = Text.trimmed(s, from, colon);
        if (pageType == null || colon + 2 == s.length()) {
            return null;
        }
        return new MemoryFailure(record.origin(), pfn, pageType, s.substring(colon + 2));
    }

    /** {@code <comm>:<pid>}, the pid the digits after the last colon. */
    private static Event sigbus(LogRecord record, String s, Hex pfn, int from, int to) {
        int colon = s.lastIndexOf(':', to - 1);
        if (colon < from || Text.digitsEnd(s, colon + 1) != to) {
            return null;
        }
        String comm = Text.trimmed(s, from, colon);
        if (comm == null) {
            return null;
        }
        return new Sigbus(record.origin(), pfn, comm, Text.decimal(s, colon + 1, to), "sigbus", null);
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
