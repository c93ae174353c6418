package dev.daxray.journal;

import java.util.regex.Pattern;

/**
 * Recognises structured log exports by their first lines (never by file name):
 * <ul>
 *   <li>{@code journalctl -o json}: an object on one line with {@code "__REALTIME_TIMESTAMP"} or
 *       {@code "__CURSOR"} (keys come in hash order, so not necessarily first);</li>
 *   <li>{@code -o json-seq}: RS (0x1E) then an object; {@code -o json-sse}: {@code data: } then an object;</li>
 *   <li>{@code -o json-pretty}: a lone {@code {}, then a TAB-indented {@code "FIELD" : } line;</li>
 *   <li>{@code dmesg --json}: a lone {@code {}, then {@code "dmesg": [};</li>
 *   <li>{@code -o verbose}: a {@code Www YYYY-MM-DD hh:mm:ss.µs ZONE [s=…]} header;</li>
 *   <li>{@code -o export}: {@code __CURSOR=} as the first bytes ({@link ExportSplitter#looksLikeExport}).</li>
 * </ul>
 * ({@code -o cat} is bare messages: read like a console without timestamps.)
 */
public final class Framings {

    private static final Pattern PRETTY_FIELD = Pattern.compile("^\t\"[A-Z_][A-Z0-9_]*\" : .*");

    private Framings() {
    }

    /** The framing the first content line shows, or null (then see {@link #isLoneBrace}). */
    public static EntryFraming first(String line) {
        if (line.startsWith("\u001e{")) {
            return new JsonFraming("journal json-seq");
        }
        if (line.startsWith("data: {")) {
            return new JsonFraming("journal json-sse");
        }
        if ((line.startsWith("{\"") || line.startsWith("{ \""))
                && (line.contains("\"__REALTIME_TIMESTAMP\"") || line.contains("\"__CURSOR\""))) {
            return new JsonFraming("journal json");
        }
        if (line.length() > 20 && line.charAt(3) == ' ' && VerboseFraming.HEADER.matcher(line).matches()) {
            return new VerboseFraming();
        }
        return null;
    }

    /** A first line that is only {@code {}: the next line tells whose document it opens. */
    public static boolean isLoneBrace(String line) {
        return line.strip().equals("{");
    }

    /** The framing a lone {@code {} followed by {@code second} opens, or null (another JSON document). */
    public static EntryFraming afterBrace(String second) {
        if (PRETTY_FIELD.matcher(second).matches()) {
            return new JsonFraming("journal json-pretty");
        }
        if (second.strip().startsWith("\"dmesg\"")) {
            return new DmesgJsonFraming();
        }
        return null;
    }

    /** The framing of an input that {@link ExportSplitter#looksLikeExport} recognised. */
    public static EntryFraming export() {
        return new ExportFraming();
    }
}
