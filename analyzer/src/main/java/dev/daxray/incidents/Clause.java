package dev.daxray.incidents;

/**
 * The clauses of the merge policy: what makes two findings of one host and boot one root cause, and how
 * far apart in time they may be (rules/README.md, "One incident per root cause").
 */
public enum Clause {
    /** Both matched one event: one line, one root cause. */
    SHARED_EVENT("shared-event", null),
    /** A poisoned page stays poisoned: a later hit on it is the same root cause however late. */
    SAME_PAGE("same-page", null),
    /** Corrected errors: one incident per host and boot, with a count. */
    INFORMATIONAL("informational", null),
    /** Listings alone (latent or unplaced media errors), per region. */
    LISTED_REGION("listed-region", null),
    /** An address's page at 16 or 64 KiB page size. */
    OTHER_PAGE_SIZE("other-page-size", Clause.NEARBY_MICROS),
    /** A device (pmem0, dax0.0, a block device). */
    DEVICE("device", Clause.NEARBY_MICROS),
    /** A process (name and pid). */
    PROCESS("process", Clause.NEARBY_MICROS),
    /** A crash title: one report in two captures. */
    SAME_CRASH("same-crash", Clause.NEARBY_MICROS),
    /** Poisoned pages in one 2 MiB or 1 GiB range: a burst on a huge page, a DIMM region. */
    PAGE_RANGE("page-range", Clause.BURST_MICROS),
    /** Uncorrected errors located on one DIMM row. */
    DIMM_ROW("dimm-row", Clause.BURST_MICROS),
    /** The records of one fatal or uncorrected machine check. */
    MACHINE_CHECK("machine-check", Clause.BURST_MICROS),
    /** Injections, unpoisons and soft offlines of one test run. */
    TEST_RUN("test-run", Clause.BURST_MICROS);

    /** Findings joined by a device, process or crash title are at most this far apart. */
    public static final long NEARBY_MICROS = 60_000_000L;
    /** Findings of one burst follow each other within this. */
    public static final long BURST_MICROS = 10_000_000L;

    private final String label;
    private final Long reachMicros;

    Clause(String label, Long reachMicros) {
        this.label = label;
        this.reachMicros = reachMicros;
    }

    /** The clause's name in rules/README.md and rule spec headers ({@code join:page-range}). */
    public String label() {
        return label;
    }

    /** How far apart two findings with the key may be (gap between them); null: anywhere in the boot. */
    public Long reachMicros() {
        return reachMicros;
    }
}
