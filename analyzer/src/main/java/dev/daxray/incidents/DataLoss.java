package dev.daxray.incidents;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The incident kinds that tell an operator data was lost or is at risk: poison consumed, a process
 * killed for it, a page memory_failure() could not recover or left in use, a filesystem told its
 * data is gone, a device pulled from under a mounted filesystem, media errors on persistent memory.
 * This is the one list (rules/README.md, "Data-loss kinds", documents it): a look-alike capture
 * (corrected errors, an injection test, an unrelated storage failure) must never raise one.
 *
 * <p>Hardware reports alone ({@code mce-uncorrected-memory}, {@code ghes-memory-error}), a recovered
 * page ({@code hwpoison-recovered}), a soft offline, a crash or a filesystem shutdown are not in it:
 * they say something failed, not that data was lost.
 */
public final class DataLoss {

    /** The data-loss kinds, whether an incident's primary kind or one of its labels. */
    public static final Set<String> KINDS = Set.of("dax-poison-consumed", "sigbus-kill", "hwpoison-failed",
            "uncorrected-not-handled", "repeat-poison", "fs-notify-failure", "pre-remove-kill", "pmem-unbind",
            "media-error-badblocks", "latent-media-error");

    /** The label of an incident the capture shows to be a deliberate injection: its kills are the test's. */
    public static final String INJECTION = "poison-injection";

    private DataLoss() {
    }

    /** The data-loss kinds an incident names (primary kind and labels), sorted. */
    public static List<String> kinds(Incident incident) {
        Set<String> named = new TreeSet<>(incident.labels());
        named.add(incident.kind());
        named.retainAll(KINDS);
        return List.copyOf(named);
    }

    /**
     * Whether an incident raises a data-loss alarm: it names a data-loss kind and is not labelled an
     * injection (a test that poisons its own pages and is killed for them lost nothing it meant to keep).
     */
    public static boolean alarm(Incident incident) {
        return !kinds(incident).isEmpty() && !incident.labels().contains(INJECTION) && !INJECTION.equals(incident.kind());
    }
}
