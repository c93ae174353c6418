package dev.daxray.rasdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.events.Mce;
import dev.daxray.matches.EventFields;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * rasdaemon's database: the committed sample is what its SQL script makes (rebuilt here with SQLite
 * itself), the database and a dump of it read the same, and a damaged database is reported, not thrown.
 */
class RasDatabaseTest {

    private static final Path SAMPLE = Path.of("../samples/rasdaemon-db-alone");

    private static List<String> events(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Timeline t = Timeline.read(List.of(new CaptureInput("db", () -> new ByteArrayInputStream(bytes))),
                ScanOptions.defaults());
        List<String> out = new ArrayList<>();
        for (Event e : t.events()) {
            out.add(e.type() + " " + e.origin().wall() + " " + dev.daxray.events.EventSchema.get().typeOf(e).ownFields()
                    .stream().map(f -> String.valueOf(f.read(e))).toList());
        }
        return out;
    }

    @Test
    void theCommittedDatabaseIsWhatItsScriptMakes(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("ras-mc_event.db");
        String script = Files.readString(SAMPLE.resolve("ras-mc_event.sql"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.executeUpdate(statement);
                }
            }
        }
        List<String> rebuilt = events(db);
        assertEquals(7, rebuilt.size(), rebuilt::toString);
        assertEquals(events(SAMPLE.resolve("ras-mc_event.db")), rebuilt);
        rebuilt.sort(null);
        // the script's rows, read as a dump, are the same events
        List<String> dumped = new ArrayList<>();
        Timeline t = Timeline.read(List.of(new CaptureInput("dump.sql",
                () -> new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)))), ScanOptions.defaults());
        for (Event e : t.events()) {
            dumped.add(e.type() + " " + e.origin().wall() + " " + dev.daxray.events.EventSchema.get().typeOf(e).ownFields()
                    .stream().map(f -> String.valueOf(f.read(e))).toList());
        }
        dumped.sort(null);
        assertEquals(rebuilt, dumped);
    }

    @Test
    void registersStoredSignedReadAsTheirBits() throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLE.resolve("ras-mc_event.db"));
        Timeline t = Timeline.read(List.of(new CaptureInput("db", () -> new ByteArrayInputStream(bytes))), ScanOptions.defaults());
        Mce mce = t.events().stream().filter(Mce.class::isInstance).map(Mce.class::cast).findFirst().orElseThrow();
        assertEquals("0xbd80000000000092", mce.status().toString());
        assertEquals("uncorrected", mce.severity());
        assertEquals("0x3468ee", EventFields.hex(mce, "pfn").toString());
        InputSummary s = t.inputs().get(0);
        assertEquals("rasdaemon sqlite", s.format());
        assertEquals(s.lines(), s.buckets().total());
        assertTrue(s.notes().get(1).contains("devlink_event 1"), s.notes()::toString);
    }

    @Test
    void aDamagedDatabaseIsReportedOnItsFirstLine() throws IOException {
        byte[] bytes = ("SQLite format 3\0" + "x".repeat(200) + "\n" + "y".repeat(600)).getBytes(StandardCharsets.ISO_8859_1);
        Timeline t = Timeline.read(List.of(new CaptureInput("bad.db", () -> new ByteArrayInputStream(bytes))),
                ScanOptions.defaults());
        InputSummary s = t.inputs().get(0);
        assertNull(s.error());
        assertEquals(2, s.lines());
        assertEquals(1, s.unparsed());
        assertTrue(s.unparsedSample().get(0).text().startsWith("rasdaemon database unreadable: "), s::toString);
        assertTrue(t.events().isEmpty());
    }

    @Test
    void rowsAreReadByColumnName(@TempDir Path dir) throws SQLException, IOException {
        Path db = dir.resolve("x.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE memory_failure_event (action_result TEXT, id INTEGER PRIMARY KEY, pfn TEXT, "
                    + "page_type TEXT, timestamp TEXT)");
            s.executeUpdate("INSERT INTO memory_failure_event VALUES('Recovered', NULL, '0x1f00', 'dax page', "
                    + "'2026-01-02 03:04:05 +0000')");
        }
        List<RasRow> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(db)) {
            RasDatabase.Result r = RasDatabase.read(in, rows::add);
            assertNull(r.error());
            assertEquals(Map.of("memory_failure_event", 1L), r.read());
        }
        assertEquals("dax page", rows.get(0).text("page_type"));
        assertNotNull(RasEvents.of(rows.get(0), new dev.daxray.events.Origin("x", 0, 1, 1, "t", null, 0, null, 0, null, null))
                .orElse(null));
    }
}
