package dev.daxray.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.rasdaemon.RasDatabase;
import dev.daxray.rasdaemon.RasEvents;

/**
 * rasdaemon's SQLite database as an input: each row of the tables daxray reads is an event with the row as
 * its text (the {@code INSERT} {@code sqlite3 .dump} prints for it) on the file's first line; the file's
 * other lines (LF-separated bytes) are the database's context.
 */
final class DatabaseScan {

    private DatabaseScan() {
    }

    static CaptureScanner.Scanned read(String file, int input, InputStream in, Consumer<Event> sink, LineTally tally)
            throws IOException {
        Consumer<Event> counted = tally.counting(sink);
        RasDatabase.Result read = RasDatabase.read(in, row -> RasEvents.of(row, new Origin(file, input, 1, 1,
                row.asInsert(), null, 0, RasEvents.wall(row.text("timestamp")), 0, null, null)).ifPresent(counted));
        for (long l = 1; l <= read.lines(); l++) {
            if (l == 1 && read.error() != null) {
                tally.unread(l, LineFate.UNPARSED, read.error());
            } else {
                tally.count(l, l == 1 && tally.events() > 0 ? LineFate.READ : LineFate.CONTEXT);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("rasdaemon database rows read: " + tables(read.read()));
        if (!read.skipped().isEmpty()) {
            notes.add("rasdaemon database tables not read (no event type for them): " + tables(read.skipped()));
        }
        return new CaptureScanner.Scanned(new InputSummary(file, "rasdaemon sqlite", read.lines(), tally.events(), 0, 0,
                1, tally.sample(false, List.of()), null, notes, tally.buckets(false, Set.of())), DeviceFacts.NONE);
    }

    private static String tables(Map<String, Long> rows) {
        return rows.isEmpty() ? "none" : String.join(", ", rows.entrySet().stream()
                .map(t -> t.getKey() + " " + t.getValue()).toList());
    }
}
