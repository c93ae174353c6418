package dev.daxray.incidents;

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

    Scope scope();

    /** The clause the key belongs to: how far apart two findings with it may be. */
    Clause clause();

    /** A poisoned page (a pfn, an address's 4 KiB page, a small pmem bad range): poisoned for the whole boot. */
    record SamePage(Scope scope, long pfn) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.SAME_PAGE;
        }
    }

    /** A page at 16 or 64 KiB page size (arm64, ppc64: pfn = address >> 14 or >> 16), or a pfn as such. */
    record OtherPageSize(Scope scope, long page) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.OTHER_PAGE_SIZE;
        }
    }

    /**
     * The 2 MiB ({@code shift} 21) or 1 GiB ({@code shift} 30) range around a poisoned page, on the aligned
     * grid or on the grid shifted by half a range ({@code halfway}), so that two pages less than half a range
     * apart always share one key, whichever side of a boundary they lie.
     */
    record PageRange(Scope scope, int shift, boolean halfway, long range) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.PAGE_RANGE;
        }
    }

    /** A DIMM row, as a firmware or EDAC record locates an uncorrected error ({@link DimmRow}). */
    record SameRow(Scope scope, String row) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.DIMM_ROW;
        }
    }

    /** The records of one fatal or uncorrected machine-check exception. */
    record MachineCheck(Scope scope) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.MACHINE_CHECK;
        }
    }

    /** Software poisoning pages: injections, unpoisons, soft offlines of one test run. */
    record TestRun(Scope scope) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.TEST_RUN;
        }
    }

    record Device(Scope scope, String device) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.DEVICE;
        }
    }

    /** A DIMM by its label, as the BMC's event log and the RAS tools' counters name it: a device too. */
    record Dimm(Scope scope, String dimm) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.DEVICE;
        }
    }

    record Process(Scope scope, String comm, Integer pid) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.PROCESS;
        }
    }

    /** The same crash report in two captures of one log (a console log and its mail copy). */
    record CrashTitle(Scope scope, String title) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.SAME_CRASH;
        }
    }

    /** Informational findings (corrected errors): one incident per host and boot, with a count. */
    record Informational(Scope scope) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.INFORMATIONAL;
        }
    }

    /** Findings made only of device listings, per region (a region's badblocks are one incident). */
    record ListedRegion(Scope scope, String region) implements MergeKey {
        @Override
        public Clause clause() {
            return Clause.LISTED_REGION;
        }
    }
}
