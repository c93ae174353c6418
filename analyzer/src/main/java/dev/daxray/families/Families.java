package dev.daxray.families;

import java.util.List;

import dev.daxray.families.edac.EdacFamily;
import dev.daxray.families.mce.MceFamily;
import dev.daxray.families.memoryfailure.MemoryFailureFamily;
import dev.daxray.families.printk.BannerFamily;

/** The families daxray reads, in the order a line is offered to them. */
public final class Families {

    private Families() {
    }

    /** Every shipped family. Earlier families win when a line carries several families' keywords. */
    public static List<Family> standard() {
        return List.of(
                new BannerFamily(),
                new MemoryFailureFamily(),
                new MceFamily(),
                new EdacFamily());
    }
}
