package dev.daxray.families.mcelog;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.CeThreshold;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.SoftOffline;
import dev.daxray.families.FamilyReader;
import dev.daxray.records.LogRecord;

/**
 * Reads mcelog's lines of one input: decoded records ({@link DecodedRecord}), the daemon's threshold,
 * trigger and offline messages (§1.4: printed before the record that caused them), and client summaries
 * ({@link ClientSummary}). In syslog and the journal every line is its own record under the tag
 * {@code mcelog}, and other programs' lines may fall between them: an open record ignores those.
 * Threshold and offline messages carry no time; they take the {@code TIME} of the record right after
 * them, the one that crossed the threshold.
 */
final class McelogReader implements FamilyReader {

    private static final Pattern PAGE_THRESHOLD = Pattern.compile(
            "^Corrected memory errors on page ([0-9a-f]{1,16}) exceed threshold (.+?)(?:: .*)?$");
    private static final Pattern COUNT_THRESHOLD = Pattern.compile(
            "^(?:(Un)?corrected (DIMM|Socket) memory error count exceeded threshold|Fallback (\\S+) memory error count \\d+ exceeded threshold"
            + "|Replacements of page correctable error counter exceed threshold)(?:[: ] ?(.*))?$");
    private static final Pattern SOFT_TRIGGER = Pattern.compile("^(?:pre|post) soft trigger run for page \\d{1,20}(?:: .*)?$");
    private static final Pattern LOCATION = Pattern.compile("^Location:? (SOCKET:.*)$");
    private static final Pattern OFFLINING = Pattern.compile(
            "^(?:Offlining page ([0-9a-f]{1,16})(?: failed: .*)?|Soft offlining of page ([0-9a-f]{1,16}) failed, trying hard offlining)$");
    private static final Pattern CONTEXT = Pattern.compile(
            "^(?:Running trigger `.*|Trigger `.*' (?:exited with status|died with signal) .*|Too many trigger children running already"
            + "|Kernel does not support page offline interface)$");
    private static final int PAGE_SHIFT = 12;
    private static final int MAX_UNTIMED = 64;

    private DecodedRecord record;
    private ClientSummary client;
    /** A threshold message waiting for its {@code Location} line; null for a trigger note (no event). */
    private CeThreshold threshold;
    private boolean awaitingLocation;
    /** Threshold and offline events waiting for the time of the record that follows them. */
    private final java.util.List<Event> untimed = new java.util.ArrayList<>();

    @Override
    public boolean offer(LogRecord line, Consumer<Event> sink) {
        String text = text(line.body());
        if (record != null) {
            DecodedRecord.Fate fate = record.offer(line, text);
            if (fate == DecodedRecord.Fate.TAKEN) {
                return true;
            }
            if (fate == DecodedRecord.Fate.NOT_MINE) {
                return false;
            }
            closeRecord(sink);
        }
        if (client != null) {
            if (client.offer(line, text, sink)) {
                return true;
            }
            client.finish(sink);
            client = null;
        }
        if (awaitingLocation) {
            Matcher location = LOCATION.matcher(text);
            awaitingLocation = false;
            if (location.matches()) {
                if (threshold != null) {
                    untimed.add(withLocation(threshold, location.group(1)));
                    threshold = null;
                }
                return true;
            }
            emitThreshold();
        }
        boolean taken = start(line, text, sink);
        if (!taken || untimed.size() > MAX_UNTIMED) {
            flushUntimed(sink); // no record follows them
        }
        return taken;
    }

    private void closeRecord(Consumer<Event> sink) {
        dev.daxray.events.Mce mce = record.event();
        record = null;
        for (Event e : untimed) {
            sink.accept(mce.origin().wall() == null || e.origin().wall() != null ? e : dev.daxray.events.Events.withOrigin(e,
                    withWall(e.origin(), mce.origin().wall())));
        }
        untimed.clear();
        sink.accept(mce);
    }

    private static dev.daxray.events.Origin withWall(dev.daxray.events.Origin o, String wall) {
        return new dev.daxray.events.Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(), o.micros(),
                o.sortMicros(), wall, o.boot(), o.host(), o.kernel(), o.also());
    }

    private void flushUntimed(Consumer<Event> sink) {
        untimed.forEach(sink);
        untimed.clear();
    }

    private boolean start(LogRecord line, String text, Consumer<Event> sink) {
        Matcher m;
        if (DecodedRecord.DISCLAIMER.matcher(text).matches()) {
            record = new DecodedRecord(line);
        } else if (DecodedRecord.CPU_BANK.matcher(text).matches()) {
            // mcelog --ascii leaves the disclaimer out when its input already said HARDWARE ERROR
            record = new DecodedRecord(line);
            record.offer(line, text);
        } else if (ClientSummary.OPENING.matcher(text).matches()) {
            flushUntimed(sink);
            client = new ClientSummary(line);
        } else if ((m = PAGE_THRESHOLD.matcher(text)).matches()) {
            threshold = new CeThreshold(line.origin(), "mcelog", "page", Hex.parse(m.group(1)).shiftRight(PAGE_SHIFT),
                    null, m.group(2), text);
            awaitingLocation = true;
        } else if ((m = COUNT_THRESHOLD.matcher(text)).matches()) {
            String scope = m.group(2) != null ? m.group(2).toLowerCase(java.util.Locale.ROOT)
                    : m.group(3) != null ? m.group(3).toLowerCase(java.util.Locale.ROOT) : "page";
            threshold = new CeThreshold(line.origin(), "mcelog", scope, null, null, m.group(4), text);
            awaitingLocation = true;
        } else if (SOFT_TRIGGER.matcher(text).matches()) {
            awaitingLocation = true; // a note whose Location line follows: both read, no event
        } else if ((m = OFFLINING.matcher(text)).matches()) {
            String page = m.group(1) != null ? m.group(1) : m.group(2);
            untimed.add(new SoftOffline(line.origin(), Hex.parse(page).shiftRight(PAGE_SHIFT), "mcelog: " + text));
        } else {
            return CONTEXT.matcher(text).matches() || LOCATION.matcher(text).matches();
        }
        return true;
    }

    private void emitThreshold() {
        if (threshold != null) {
            untimed.add(threshold);
            threshold = null;
        }
    }

    private static CeThreshold withLocation(CeThreshold t, String location) {
        return new CeThreshold(t.origin(), t.source(), t.scope(), t.pfn(), location.strip(), t.count(), t.message());
    }

    /** The message without mcelog's {@code mcelog: } error prefix (in its own log file) and trailing blanks. */
    private static String text(String body) {
        String text = body.strip();
        return text.startsWith("mcelog: ") ? text.substring("mcelog: ".length()).strip() : text;
    }

    @Override
    public boolean inBlock() {
        return record != null || client != null || awaitingLocation;
    }

    @Override
    public void finish(Consumer<Event> sink) {
        awaitingLocation = false;
        emitThreshold();
        if (record != null) {
            closeRecord(sink);
        }
        flushUntimed(sink);
        if (client != null) {
            client.finish(sink);
            client = null;
        }
    }
}
