package dev.daxray.families;

import java.util.List;

import dev.daxray.families.fs.FsFamily;
import dev.daxray.families.ghes.GhesFamily;
import dev.daxray.families.nvdimm.NvdimmFamily;
import dev.daxray.families.pat.PatFamily;
import dev.daxray.families.printk.PrintkFamily;
import dev.daxray.families.storage.StorageFamily;

/** The families daxray reads, in the order a line is offered to them. */
public final class Families {

    private Families() {
    }

    /** Every shipped family. Earlier families win when a line carries several families' keywords. */
    public static List<Family> standard() {
        return List.of(
                new PrintkFamily(),
                new GhesFamily(),
                new FsFamily(),
                new NvdimmFamily(),
                new StorageFamily(),
                new PatFamily());
    }
}
