package dev.daxray.families;

import java.util.ArrayList;
import java.util.List;

import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.LogRecord;

/**
 * Feeds capture lines (prefix included, as a capture has them) to one family and returns the
 * events it produced, so family tests read like the captures they come from. Lines go through the
 * family's anchors first, as in the scanner.
 */
public final class FamilyTester {

    private FamilyTester() {
    }

    public static List<Event> read(Family family, String... lines) {
        EnvelopeParser envelopes = new EnvelopeParser();
        FamilyReader reader = family.newReader();
        List<Event> events = new ArrayList<>();
        long lastMicros = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Envelope envelope = envelopes.parse(line);
            if (envelope.micros() != null) {
                lastMicros = envelope.micros();
            }
            Origin origin = new Origin("test.log", 0, i + 1, i + 1, line, envelope.micros(), lastMicros,
                    envelope.wall(), 0, envelope.host(), null);
            LogRecord record = new LogRecord(origin, envelope, line.substring(envelope.bodyStart()));
            // As the scanner does: a line reaches the reader when a block is open or the anchors allow it,
            // so every family test also checks that the family's anchors are necessary conditions.
            if (reader.inBlock() || family.mayRead(record)) {
                reader.offer(record, events::add);
            }
        }
        reader.finish(events::add);
        return events;
    }

    /** The single event the lines make; fails when there is not exactly one. */
    public static <E extends Event> E one(Class<E> type, Family family, String... lines) {
        List<Event> events = read(family, lines);
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return type.cast(events.get(0));
    }
}
