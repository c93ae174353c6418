package dev.daxray.rasdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.capture.CaptureInput;
import dev.daxray.fuzz.Limits;
import dev.daxray.fuzz.Lines;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * rasdaemon's database readers on any bytes: a file with SQLite's magic and any content (SQLite
 * reports a damaged file; the reader reports it on line 1), and SQL dump lines (table definitions and
 * inserts of any shape). Nothing throws; every line ends in one bucket.
 */
class RasDatabaseFuzzTest {

    @FuzzTest
    void database(byte[] input) {
        Limits.within(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("SQLite format 3\0".getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes(input);
            byte[] all = bytes.toByteArray();
            Timeline timeline = Timeline.read(List.of(new CaptureInput("fuzz.db", () -> new ByteArrayInputStream(all))),
                    ScanOptions.defaults());
            InputSummary summary = timeline.inputs().get(0);
            assertEquals(summary.lines(), summary.buckets().total(), summary::toString);
        });
    }

    @FuzzTest
    void sqlDump(byte[] input) {
        Limits.within(() -> {
            SqlDump dump = new SqlDump();
            for (String line : Lines.of(input)) {
                if (!dump.create(line)) {
                    RasRow row = dump.insert(line);
                    if (row != null) {
                        RasEvents.of(row, new dev.daxray.events.Origin("fuzz", 0, 1, 1, line, null, 0,
                                RasEvents.wall(row.text("timestamp")), 0, null, null));
                    }
                }
            }
        });
    }
}
