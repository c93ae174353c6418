package dev.daxray.families.mce;

import java.util.List;

import dev.daxray.families.Family;
import dev.daxray.families.FamilyReader;

/**
 * x86 machine checks: the {@code mce: [Hardware Error]} record dump (and its sb_edac / skx_edac
 * mirror), joined into one event per dump, and the one-line {@code mce:} messages.
 */
public final class MceFamily implements Family {

    @Override
    public String name() {
        return "mce";
    }

    @Override
    public List<String> keywords() {
        return List.of(
                "mce: ",
                "Machine Check",                       // dump header, also "Machine Check Event" (EDAC mirror)
                "Machine check",                       // "Machine check events logged", "Machine check: <severity>"
                // Dump lines without "mce: " (3.x "[Hardware Error]: TSC ...", the EDAC mirror's
                // "EDAC skx MC0: ADDR ..."). An open dump sees every line anyway; these keep the
                // contract without offering every EDAC line (a CE storm can be most of a log) to mce.
                ": RIP ",
                ": TSC ",
                ": ADDR ",
                ": MISC ",
                ": PPIN ",
                ": SYND ",
                ": IPID ",
                ": PROCESSOR ",
                ": Run the above",
                "Fake kernel panic",
                "CMCI storm",
                "MCE broadcast",
                "Uncorrected hardware memory error",
                "Memory error not recovered",
                "Kernel accessed poison",
                "Uncorrected memory error in page",
                // AMD decoder block (drivers/edac/mce_amd.c): its opening sentence
                "error, no action required.",
                "[Hardware Error]: Uncorrected, ");
    }

    @Override
    public FamilyReader newReader() {
        return new MceReader();
    }
}
