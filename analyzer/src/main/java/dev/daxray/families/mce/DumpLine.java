package dev.daxray.families.mce;

import dev.daxray.events.Hex;

/** One line of an MCE record dump, as the family joins them. */
sealed interface DumpLine {

    /** {@code CPU %d: Machine Check%s: %Lx Bank %d: %016Lx}: opens a dump. */
    record Header(int cpu, int bank, Hex status, String message) implements DumpLine {
    }

    /** {@code TSC .. ADDR .. MISC ..} (one line, or one field a line in the EDAC mirror). */
    record Fields(Hex addr) implements DumpLine {
    }

    /** RIP and PROCESSOR lines: part of the dump, nothing the event keeps. */
    record Other() implements DumpLine {
    }

    /** AMD decoder block header, e.g. {@code Deferred error, no action required.}: opens a dump. */
    record AmdHeader(String message, String severity) implements DumpLine {
    }

    /** AMD decoder {@code CPU:67 (19:11:1) MC21_STATUS[...]: 0x...}. */
    record AmdStatus(int cpu, int bank, Hex status) implements DumpLine {
    }

    /** {@code Run the above through 'mcelog --ascii'}: closes a dump. */
    record End() implements DumpLine {
    }
}
