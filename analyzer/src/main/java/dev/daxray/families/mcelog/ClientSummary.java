package dev.daxray.families.mcelog;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.DimmErrors;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.events.SoftOffline;
import dev.daxray.records.LogRecord;

/**
 * {@code mcelog --client} (§1.7): {@code Memory errors}, then per DIMM {@code SOCKET n CHANNEL n|any DIMM n|any}
 * (with {@code DMI_NAME "…"} / {@code DMI_LOCATION "…"} when SMBIOS names it), {@code corrected memory errors:}
 * and {@code uncorrected memory errors:}, each with a tab-indented {@code N total} and threshold line, a
 * blank line between DIMMs; then {@code Per page corrected memory statistics:} with one
 * {@code <page>: total N seen "N in 24h" online|offline|offline-failed[ triggered]} line per page.
 * A DIMM with errors becomes a {@code dimm-errors} event; a page listed offline a {@code soft-offline}.
 */
final class ClientSummary {

    static final Pattern OPENING = Pattern.compile("^(?:Memory errors|Per page corrected memory statistics:)$");
    private static final Pattern DIMM = Pattern.compile("^SOCKET (\\d{1,4}) CHANNEL (any|\\d{1,4}) DIMM (any|\\d{1,4})$");
    private static final Pattern DMI = Pattern.compile("^(?:DMI_NAME \"([^\"]*)\")? ?(?:DMI_LOCATION \"([^\"]*)\")?$");
    private static final Pattern SECTION = Pattern.compile("^(un)?corrected memory errors:$");
    private static final Pattern TOTAL = Pattern.compile("^(\\d{1,18}) total$");
    private static final Pattern WINDOW = Pattern.compile("^(?:\\d{1,10} in \\d{1,10}\\S?|not enabled)$");
    private static final Pattern PAGE = Pattern.compile(
            "^([0-9a-f]{1,16}): total (\\d{1,10}) seen \"([^\"]*)\" (online|offline|offline-failed)( triggered)?$");
    private static final int PAGE_SHIFT = 12;

    private final String tag;
    private Origin dimmOrigin;
    private long dimmLast;
    private String dimm;
    private String location;
    private String name;
    private boolean uncorrectedSection;
    private Long corrected;
    private Long uncorrected;

    ClientSummary(LogRecord opening) {
        this.tag = opening.envelope().tag();
    }

    /** Takes a line of the summary; false when it is not one (the summary then ends). */
    boolean offer(LogRecord record, String text, Consumer<Event> sink) {
        if (tag != null && !tag.equals(record.envelope().tag())) {
            return false;
        }
        Matcher m;
        if (text.isEmpty() || OPENING.matcher(text).matches()) {
            closeDimm(sink);
            return true;
        }
        if ((m = DIMM.matcher(text)).matches()) {
            closeDimm(sink);
            dimmOrigin = record.origin();
            dimm = text;
            location = "SOCKET:" + m.group(1) + " CHANNEL:" + m.group(2) + " DIMM:" + m.group(3);
            return taken(record);
        }
        if ((m = PAGE.matcher(text)).matches()) {
            closeDimm(sink);
            if (!m.group(4).equals("online")) {
                sink.accept(new SoftOffline(record.origin(), Hex.parse(m.group(1)).shiftRight(PAGE_SHIFT),
                        "mcelog: page " + m.group(1) + " " + m.group(4) + " after " + m.group(2)
                                + " corrected errors (" + m.group(3) + ")"));
            }
            return true;
        }
        if (dimmOrigin == null) {
            return false;
        }
        if ((m = SECTION.matcher(text)).matches()) {
            uncorrectedSection = m.group(1) != null;
        } else if ((m = TOTAL.matcher(text)).matches()) {
            long n = Long.parseLong(m.group(1));
            if (uncorrectedSection) {
                uncorrected = n;
            } else {
                corrected = n;
            }
        } else if ((m = DMI.matcher(text)).matches() && (m.group(1) != null || m.group(2) != null)) {
            name = m.group(1) != null ? m.group(1) : m.group(2);
        } else if (!WINDOW.matcher(text).matches()) {
            return false;
        }
        return taken(record);
    }

    private boolean taken(LogRecord record) {
        dimmLast = record.origin().line();
        return true;
    }

    void finish(Consumer<Event> sink) {
        closeDimm(sink);
    }

    private void closeDimm(Consumer<Event> sink) {
        if (dimmOrigin != null && (positive(corrected) || positive(uncorrected))) {
            sink.accept(new DimmErrors(dimmOrigin.through(dimmLast), "mcelog", name != null ? name : dimm, location,
                    corrected, uncorrected, (corrected == null ? 0 : corrected) + " corrected, "
                    + (uncorrected == null ? 0 : uncorrected) + " uncorrected memory errors"));
        }
        dimmOrigin = null;
        name = null;
        corrected = null;
        uncorrected = null;
        uncorrectedSection = false;
    }

    private static boolean positive(Long n) {
        return n != null && n > 0;
    }
}
