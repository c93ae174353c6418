package dev.daxray.families.rasdaemon;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.CeThreshold;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.SoftOffline;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.rasdaemon.RasMcCtlRows.Section;
import dev.daxray.rasdaemon.RasEvents;
import dev.daxray.rasdaemon.RasRow;
import dev.daxray.rasdaemon.SqlDump;
import dev.daxray.records.LogRecord;

/**
 * Reads rasdaemon's text of one input. A section header opens a block whose rows are read by the
 * section's row format until a line that is none (an empty line, the next header); the page-isolation
 * messages, diagnostics and SQL dump lines are single lines.
 */
final class RasdaemonReader implements FamilyReader {

    private static final Pattern HEADER = Pattern.compile(
            "^(Memory controller|PCIe AER|Extlog|Memory failure|MCE|ARM processor|Devlink|Disk errors|SIGNAL|NVIDIA(?: Vera)?"
            + "|CXL [A-Za-z ]{1,40}?) ?(events|records|errors)?( summary)?:$");
    private static final Pattern NONE = Pattern.compile("^No [A-Za-z ]{1,40}(?:errors?|events?|SIGNAL)\\.$");
    private static final Pattern ERROR_COUNT_HEADER = Pattern.compile("^Label\\s*\\tCE\\tUE$");
    private static final Pattern THRESHOLD = Pattern.compile(
            "^(?:\\[\\w+\\] )?Corrected Errors at (0x[0-9a-f]{1,16}) exceeded threshold$");
    private static final Pattern ROW_THRESHOLD = Pattern.compile(
            "^(?:\\[\\w+\\] )?Corrected Errors of row (.+) exceeded row CE threshold, count=(\\d{1,18})$");
    private static final Pattern OFFLINED = Pattern.compile(
            "^(?:\\[\\w+\\] )?Result of offlining page at (0x[0-9a-f]{1,16})(?: of row .+?)?: (offlined|offline-failed|online)$");
    private static final Pattern SQL_CONTEXT = Pattern.compile(
            "^(?:PRAGMA foreign_keys=\\w+;|BEGIN TRANSACTION;|COMMIT;|CREATE (?:UNIQUE )?INDEX .*)$");
    private static final int PAGE_SHIFT = 12;
    /** rasdaemon's prefix when it logs to the terminal ({@code -f}) instead of syslog. */
    private static final String TERMINAL = "rasdaemon: ";

    private Section section;
    private final SqlDump dump = new SqlDump();

    @Override
    public boolean offer(LogRecord record, Consumer<Event> sink) {
        String text = record.body().strip();
        if (section != null && !isHeader(text)) {
            Optional<Optional<Event>> row = text.isEmpty() ? Optional.empty()
                    : RasMcCtlRows.row(section, text, record.origin());
            if (row.isPresent()) {
                row.get().ifPresent(sink);
                return true;
            }
            section = null;
            if (text.isEmpty()) {
                return true; // the empty line after a section is its end
            }
        }
        section = null;
        return start(record, text.startsWith(TERMINAL) ? text.substring(TERMINAL.length()) : text, sink);
    }

    /** A section's header: it ends the section before it even without an empty line (outputs pasted together). */
    private static boolean isHeader(String text) {
        return HEADER.matcher(text).matches() || ERROR_COUNT_HEADER.matcher(text).matches();
    }

    private boolean start(LogRecord record, String text, Consumer<Event> sink) {
        Matcher m;
        if ((m = HEADER.matcher(text)).matches()) {
            section = section(m.group(1), m.group(3) != null);
        } else if (ERROR_COUNT_HEADER.matcher(text).matches()) {
            section = Section.ERROR_COUNT;
        } else if ((m = THRESHOLD.matcher(text)).matches()) {
            Hex address = Hex.parse(m.group(1));
            sink.accept(new CeThreshold(record.origin(), "rasdaemon", "page", address.shiftRight(PAGE_SHIFT), null, null,
                    text));
        } else if ((m = ROW_THRESHOLD.matcher(text)).matches()) {
            sink.accept(new CeThreshold(record.origin(), "rasdaemon", "row", null, m.group(1), m.group(2), text));
        } else if ((m = OFFLINED.matcher(text)).matches()) {
            if (!m.group(2).equals("online")) {
                sink.accept(new SoftOffline(record.origin(), Hex.parse(m.group(1)).shiftRight(PAGE_SHIFT),
                        "rasdaemon: " + text));
            }
        } else if (SqlDump.isInsert(text)) {
            RasRow row = dump.insert(text);
            if (row != null) {
                RasEvents.of(row, RasMcCtlRows.at(record.origin(), row.text("timestamp"))).ifPresent(sink);
            }
        } else {
            return dump.create(text) || SQL_CONTEXT.matcher(text).matches() || NONE.matcher(text).matches()
                    || diagnostic(record, text);
        }
        return true;
    }

    /** rasdaemon's own messages (not the events): {@code rasdaemon: …} lines, or any line the journal files under it. */
    private static boolean diagnostic(LogRecord record, String text) {
        return record.body().strip().startsWith(TERMINAL) || "rasdaemon".equals(record.envelope().tag());
    }

    private static Section section(String name, boolean summary) {
        if (summary) {
            return name.equals("Memory controller") ? Section.MC_SUMMARY : Section.OTHER_SUMMARY;
        }
        return switch (name) {
            case "Memory controller" -> Section.MEMORY_CONTROLLER;
            case "PCIe AER" -> Section.AER;
            case "Extlog" -> Section.EXTLOG;
            case "Memory failure" -> Section.MEMORY_FAILURE;
            case "MCE" -> Section.MCE;
            default -> Section.OTHER;
        };
    }

    @Override
    public boolean inBlock() {
        return section != null;
    }

    @Override
    public void finish(Consumer<Event> sink) {
        section = null;
    }
}
