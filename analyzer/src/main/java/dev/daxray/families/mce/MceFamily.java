package dev.daxray.families.mce;

import java.util.List;

import dev.daxray.families.Anchors;
import dev.daxray.families.Family;
import dev.daxray.families.FamilyReader;
import dev.daxray.records.LogRecord;

/**
 * x86 machine checks: the {@code mce: [Hardware Error]} record dump (and its sb_edac / skx_edac
 * mirror), joined into one event per dump, and the one-line {@code mce:} messages.
 */
public final class MceFamily implements Family {

    /**
     * Every line of {@code Mce.g4} has the {@code [Hardware Error]:} or {@code EDAC} of a dump line,
     * {@code Machine Check} (a dump header), or the phrase of a one-line message. Boot chatter such as
     * {@code mce: CPU0: Thermal monitoring enabled (TM1)} has none.
     */
    static final Anchors ANCHORS = Anchors.of("[Hardware Error]:", "EDAC", "Machine Check",
            "Uncorrected hardware memory error in user-access at", "Memory error not recovered",
            "Kernel accessed poison in user space at", "Machine check events logged", "Machine check:",
            "Fake kernel panic:", "Uncorrected memory error in page", "CMCI storm", "CPUs not responding to MCE broadcast");

    @Override
    public boolean mayRead(LogRecord record) {
        return ANCHORS.foundIn(record.body());
    }


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
