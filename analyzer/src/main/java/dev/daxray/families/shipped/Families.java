package dev.daxray.families.shipped;

import java.util.List;

import dev.daxray.families.Family;
import dev.daxray.families.crash.CrashFamily;
import dev.daxray.families.edac.EdacFamily;
import dev.daxray.families.fs.FsFamily;
import dev.daxray.families.ghes.GhesFamily;
import dev.daxray.families.inject.InjectFamily;
import dev.daxray.families.ipmi.IpmiSelFamily;
import dev.daxray.families.mce.MceFamily;
import dev.daxray.families.mcelog.McelogFamily;
import dev.daxray.families.memoryfailure.MemoryFailureFamily;
import dev.daxray.families.nvdimm.NvdimmFamily;
import dev.daxray.families.pat.PatFamily;
import dev.daxray.families.printk.PrintkFamily;
import dev.daxray.families.rasdaemon.RasdaemonFamily;
import dev.daxray.families.storage.StorageFamily;
import dev.daxray.families.tracepoint.TracepointFamily;

/** The families daxray reads, in the order a line is offered to them. */
public final class Families {

    private Families() {
    }

    /**
     * Every shipped family. Earlier families win when a line carries several families' keywords:
     * crash first, so {@code Kernel panic - not syncing: …} lines join their crash report. The
     * tracepoint family reads only trace lines and comes before all, so a trace payload is never
     * mistaken for a dmesg message.
     */
    public static List<Family> standard() {
        return List.of(
                new TracepointFamily(),
                new PrintkFamily(),
                new CrashFamily(),
                new MemoryFailureFamily(),
                new InjectFamily(),
                new MceFamily(),
                new McelogFamily(),
                new RasdaemonFamily(),
                new IpmiSelFamily(),
                new GhesFamily(),
                new EdacFamily(),
                new FsFamily(),
                new NvdimmFamily(),
                new StorageFamily(),
                new PatFamily());
    }
}
