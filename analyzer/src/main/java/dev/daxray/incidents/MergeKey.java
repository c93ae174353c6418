package dev.daxray.incidents;

import java.util.Map;

/**
 * A key two findings of one host and boot join on when they both have it: the clauses of the merge
 * policy (rules/README.md, "One incident per root cause"). Each key knows its {@link Clause}, which
 * says how far apart in time two findings with the key may be. Sharing an event is the policy's
 * first clause too, but needs no key: the event itself knows its incident
 * ({@link dev.daxray.matches.HeldEvent#claim()}).
 */
sealed interface MergeKey {

    /** One host's boot: no key joins findings across hosts or boots. */
    record Scope(String host, int boot) {
    }

    /** The clause each kind of key belongs to. */
    Map<Class<? extends MergeKey>, Clause> CLAUSES = Map.ofEntries(
            Map.entry(SamePage.class, Clause.SAME_PAGE),
            Map.entry(OtherPageSize.class, Clause.OTHER_PAGE_SIZE),
            Map.entry(PageRange.class, Clause.PAGE_RANGE),
            Map.entry(SameRow.class, Clause.DIMM_ROW),
            Map.entry(MachineCheck.class, Clause.MACHINE_CHECK),
            Map.entry(TestRun.class, Clause.TEST_RUN),
            Map.entry(Device.class, Clause.DEVICE),
            Map.entry(Dimm.class, Clause.DEVICE),
            Map.entry(Process.class, Clause.PROCESS),
            Map.entry(CrashTitle.class, Clause.SAME_CRASH),
            Map.entry(Informational.class, Clause.INFORMATIONAL),
            Map.entry(ListedRegion.class, Clause.LISTED_REGION));

    Scope scope();

    default Clause clause() {
        return CLAUSES.get(getClass());
    }

    /** A poisoned page (a pfn, an address's 4 KiB page, a small pmem bad range): poisoned for the whole boot. */
    record SamePage(Scope scope, long pfn) implements MergeKey {
    }

    /** A page at 16 or 64 KiB page size (arm64, ppc64: pfn = address >> 14 or >> 16), or a pfn as such. */
    record OtherPageSize(Scope scope, long page) implements MergeKey {
    }

    /**
     * The 2 MiB ({@code shift} 21) or 1 GiB ({@code shift} 30) range around a poisoned page, on the aligned
     * grid or on the grid shifted by half a range ({@code halfway}), so that two pages less than half a range
     * apart always share one key, whichever side of a boundary they lie.
     */
    record PageRange(Scope scope, int shift, boolean halfway, long range) implements MergeKey {
    }

    /** A DIMM row, as a firmware or EDAC record locates an uncorrected error ({@link DimmRow}). */
    record SameRow(Scope scope, String row) implements MergeKey {
    }

    /** The records of one fatal or uncorrected machine-check exception. */
    record MachineCheck(Scope scope) implements MergeKey {
    }

    /** Software poisoning pages: injections, unpoisons, soft offlines of one test run. */
    record TestRun(Scope scope) implements MergeKey {
    }

    record Device(Scope scope, String device) implements MergeKey {
    }

    /** A DIMM by its label, as the BMC's event log and the RAS tools' counters name it: a device too. */
    record Dimm(Scope scope, String dimm) implements MergeKey {
    }

    record Process(Scope scope, String comm, Integer pid) implements MergeKey {
    }

    /** The same crash report in two captures of one log (a console log and its mail copy). */
    record CrashTitle(Scope scope, String title) implements MergeKey {
    }

    /** Informational findings (corrected errors): one incident per host and boot, with a count. */
    record Informational(Scope scope) implements MergeKey {
    }

    /** Findings made only of device listings, per region (a region's badblocks are one incident). */
    record ListedRegion(Scope scope, String region) implements MergeKey {
    }
}
