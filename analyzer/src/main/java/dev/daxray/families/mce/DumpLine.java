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

    /** {@code Run the above through 'mcelog --ascii'}: closes a dump. */
    record End() implements DumpLine {
    }
}
