package dev.daxray.families.mcelog;

import java.util.List;

import dev.daxray.families.PhraseFamily;

/**
 * mcelog's output of every era (reference ras-tools-formats.md §1): the decoded record block of the
 * daemon's log, {@code mcelog --ascii} and syslog/journal ({@code Hardware event. This is not a software
 * error.}, before 2010 {@code HARDWARE ERROR. This is *NOT* a software problem!}) becomes an {@code mce}
 * event; the daemon's threshold messages a {@code ce-threshold} event; {@code Offlining page …} a
 * {@code soft-offline} event (a page, the message: the fields fit); and {@code mcelog --client}'s per-DIMM
 * and per-page summary a {@code dimm-errors} event per DIMM with errors (and a {@code soft-offline} per
 * page it lists as offline).
 */
public final class McelogFamily extends PhraseFamily {

    /** Phrases every line that opens or is read outside a block contains (its keywords, as read from the body). */
    static final List<String> PHRASES = List.of(
            "Hardware event. This is not a software error.",
            "HARDWARE ERROR. This is *NOT* a software problem!",
            " BANK ",
            "exceed threshold",
            "exceeded threshold",
            "soft trigger run for page",
            "Location SOCKET:",
            "Location: SOCKET:",
            "Running trigger `",
            "Offlining page ",
            "offlining of page ",
            "Kernel does not support page offline interface",
            "Trigger `",
            "trigger children",
            "Memory errors",
            "Per page corrected memory statistics:");

    public McelogFamily() {
        super("mcelog", PHRASES, McelogReader::new);
    }
}
