package dev.daxray.address;

import java.util.ArrayList;
import java.util.List;

/**
 * What to do about poison at a {@link Location}: the commands that clear it for the namespace's
 * mode, each with what it costs. Facts from ndctl-clear-errors(1), ndctl-list(1) and the pmem driver
 * (writes through the pmem block device clear poison in the sectors they cover).
 */
public final class ClearingAdvice {

    /**
     * The first ndctl release with {@code clear-errors} (commit 2ba7b8277075 "ndctl: add a
     * 'clear-errors' command"). The release number is not verified against the ndctl tags; older
     * and unknown versions get the command with a note to check it exists.
     */
    public static final int CLEAR_ERRORS_SINCE = 64;

    /** One thing to run, and what it does. */
    public record Step(String command, String effect) {
    }

    /**
     * @param summary one sentence on where the poison is and which way of clearing fits
     * @param steps   the options, the preferred first
     * @param notes   caveats (data loss, version, what is unknown)
     */
    public record Advice(String summary, List<Step> steps, List<String> notes) {
        public Advice {
            steps = List.copyOf(steps);
            notes = List.copyOf(notes);
        }
    }

    private ClearingAdvice() {
    }

    /**
     * @param ndctlVersion the ndctl release the bundle shows ({@code ndctl --version}), or null if unknown
     * @param bus          the namespace's bus ({@code ndbus0}) for scrub commands, or null
     */
    public static Advice forLocation(Location loc, Integer ndctlVersion, String bus) {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String ns = loc.namespace();
        if (ns == null || loc.mode() == null) {
            notes.addAll(loc.unknown());
            return new Advice("no clearing advice: the bundle does not say which namespace (and mode) holds "
                    + loc.physAddr(), steps, notes);
        }
        boolean listed = !loc.badblocks().isEmpty();
        boolean clearErrors = ndctlVersion == null || ndctlVersion >= CLEAR_ERRORS_SINCE;
        String where = ns + (loc.sector() != null ? " sectors " + loc.sector() + "-" + (loc.sector()
                + loc.sectors() - 1) : "");
        String blockdev = loc.blockdev() == null ? "<blockdev>" : loc.blockdev();
        String dd = loc.sector() == null ? null : "dd if=/dev/zero of=/dev/" + blockdev + " bs=512 seek="
                + loc.sector() + " count=" + loc.sectors() + " oflag=direct";
        Step clear = new Step("ndctl clear-errors " + (listed ? "" : "--scrub ") + ns,
                (listed ? "clears the known badblocks" : "scrubs the bus first, then clears known and latent errors")
                        + " in " + ns + "'s data area; the data in those blocks is lost and reads back as"
                        + " platform-defined content");
        String summary;
        switch (loc.mode()) {
            case "fsdax" -> {
                summary = where + " is fsdax data under a filesystem: restore or rewrite the file that owns"
                        + " these blocks; clear the blocks directly only when their data does not matter";
                steps.add(new Step("fallocate --punch-hole --offset <file offset> --length <bytes> <file>",
                        "frees the file's poisoned blocks; when a block is reused the filesystem zeroes it"
                                + " through the pmem driver, which clears the poison; then rewrite the data"
                                + " from a backup"));
                steps.add(new Step("fallocate --zero-range --offset <file offset> --length <bytes> <file>",
                        "zeroes the range in place through the pmem driver, clearing the poison; the file"
                                + " keeps its size and the range reads back as zeros"));
                if (dd != null) {
                    steps.add(new Step(dd, "rewrites the sectors through the pmem block device, which clears"
                            + " the poison; only with the filesystem unmounted, and it overwrites whatever"
                            + " the filesystem kept there"));
                }
                if (clearErrors) {
                    steps.add(clear);
                }
            }
            case "devdax" -> {
                summary = where + " is device-dax memory (no block device to rewrite through): ndctl clear-errors"
                        + " is the way to clear it, after saving what the application needs";
                if (clearErrors) {
                    steps.add(clear);
                }
                steps.add(new Step("ndctl destroy-namespace " + ns + " --force && ndctl create-namespace"
                        + " --mode=devdax", "recreates the namespace; restore its contents from a backup (the"
                        + " rewrite clears errors as it goes, per ndctl-clear-errors(1))"));
            }
            case "raw" -> {
                summary = where + " is a raw namespace: rewrite the sectors through /dev/" + blockdev;
                if (dd != null) {
                    steps.add(new Step(dd, "rewrites the sectors through the pmem block device, which clears"
                            + " the poison; write the recovered data instead of zeros if there is any"));
                }
                if (clearErrors) {
                    steps.add(clear);
                }
            }
            case "sector" -> {
                summary = ns + " is in sector (BTT) mode: ndctl lists no badblocks for it and clear-errors"
                        + " skips it; rewrite the affected data through /dev/" + blockdev
                        + " (the BTT writes every block to a fresh location)";
            }
            default -> summary = ns + " has mode " + loc.mode() + ": no clearing advice for it";
        }
        if (!listed) {
            String busArg = bus == null ? "" : " " + bus;
            steps.add(0, new Step("ndctl start-scrub" + busArg + " && ndctl wait-scrub" + busArg
                    + " && ndctl list -M -n " + ns, "the page is not in a listed badblock: a scrub finds latent"
                    + " errors and ndctl list -M then shows them"));
        }
        if (clearErrors && ndctlVersion == null && steps.contains(clear)) {
            notes.add("ndctl clear-errors needs a recent ndctl (v" + CLEAR_ERRORS_SINCE + " or later, unverified);"
                    + " check `ndctl clear-errors --help`");
        }
        if (!clearErrors) {
            notes.add("ndctl v" + ndctlVersion + " predates clear-errors; rewrite the data instead");
        }
        notes.addAll(loc.unknown());
        return new Advice(summary, steps, notes);
    }
}
