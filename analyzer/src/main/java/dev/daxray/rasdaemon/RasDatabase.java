package dev.daxray.rasdaemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads rasdaemon's SQLite database ({@code /var/lib/rasdaemon/ras-mc_event.db}), recognised by the file's
 * magic {@code SQLite format 3\0}, not its name. The bytes are copied to a private temporary file (the
 * input may be compressed, inside an archive, or standard input) and opened read-only and immutable, so
 * SQLite neither writes nor locks anything; every table is read by column name (an upgraded database has
 * its added columns at the end). Lines are counted as any reader of the file counts them.
 */
public final class RasDatabase {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * What the database held: its line count (LF-separated, as {@code LineSplitter} counts), the rows per
     * table read and not read, and why it could not be read (null when it could).
     */
    public record Result(long lines, Map<String, Long> read, Map<String, Long> skipped, String error) {
    }

    private RasDatabase() {
    }

    /** Whether {@code head} (the first bytes of an input) is an SQLite database file. */
    public static boolean looksLikeSqlite(byte[] head, int len) {
        if (len < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Copies {@code in} aside, reads the tables daxray knows into {@code rows} (table by table, in id order). */
    public static Result read(InputStream in, Consumer<RasRow> rows) throws IOException {
        Path copy = Files.createTempFile("daxray-rasdaemon-", ".db");
        try {
            long lines = copy(in, copy);
            Map<String, Long> read = new LinkedHashMap<>();
            Map<String, Long> skipped = new LinkedHashMap<>();
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + copy.toAbsolutePath()
                    + "?mode=ro&immutable=1")) {
                List<String> tables = tables(db);
                for (String table : RasTables.read()) {
                    if (tables.contains(table)) {
                        read.put(table, rows(db, table, rows));
                    }
                }
                for (String table : tables) {
                    if (!read.containsKey(table) && !table.startsWith("sqlite_")) {
                        skipped.put(table, count(db, table));
                    }
                }
                return new Result(lines, read, skipped, null);
            } catch (SQLException e) {
                return new Result(lines, read, skipped, "rasdaemon database unreadable: " + reason(e));
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static long copy(InputStream in, Path to) throws IOException {
        long newlines = 0;
        long bytes = 0;
        boolean tail = false;
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(to)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        newlines++;
                    }
                }
                tail = buf[n - 1] != '\n';
            }
        }
        return newlines + (bytes > 0 && tail ? 1 : 0);
    }

    private static List<String> tables(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static long rows(Connection db, String table, Consumer<RasRow> rows) throws SQLException {
        long n = 0;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    values.put(meta.getColumnName(c), r.getObject(c));
                }
                rows.accept(new RasRow(table, values));
                n++;
            }
        }
        return n;
    }

    private static long count(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
