package dev.daxray.families.ipmi;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Event;
import dev.daxray.events.IpmiSel;
import dev.daxray.events.Origin;
import dev.daxray.families.FamilyReader;
import dev.daxray.records.LogRecord;

/**
 * Reads a SEL listing. A list row is split the way its columns are joined ({@code " | "}): the record id,
 * date and time (or {@code Pre-Init} and the seconds since the BMC started) on the left, {@code Asserted} /
 * {@code Deasserted} and an optional extra column on the right, the sensor and the description (which a
 * Dell decode can itself split with {@code " | "}) between them. A verbose record is read field by field
 * until its empty line; the sensor's SDR and FRU blocks that {@code sel get} prints after it are its context.
 */
final class IpmiSelReader implements FamilyReader {

    private static final Pattern ROW = Pattern.compile("^\\s*([0-9a-f]{1,4}) \\| (.*)$");
    private static final Pattern PRE_INIT = Pattern.compile("^\\s*Pre-Init\\s*\\|\\s*\\d{1,10}\\s*\\|\\s?(.*)$");
    private static final Pattern RECORD = Pattern.compile("^SEL Record ID\\s*: ([0-9a-f]{1,4})$");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 ()/#.-]*?)\\s*: ?(.*)$");

    /** The verbose record being read, or null. */
    private Verbose verbose;
    /** After a verbose record's empty line: its SDR / FRU blocks follow as label : value lines. */
    private boolean trailer;

    @Override
    public boolean offer(LogRecord record, Consumer<Event> sink) {
        String text = record.body().strip();
        if (verbose != null) {
            if (text.isEmpty() || RECORD.matcher(text).matches()) {
                sink.accept(verbose.event());
                verbose = null;
                trailer = text.isEmpty();
                if (text.isEmpty()) {
                    return true;
                }
            } else {
                Matcher field = FIELD.matcher(text);
                if (field.matches()) {
                    verbose.field(field.group(1), field.group(2), record.origin().line());
                    return true;
                }
                sink.accept(verbose.event());
                verbose = null;
            }
        } else if (trailer) {
            boolean continued = !text.isEmpty() && Character.isWhitespace(record.origin().text().charAt(0));
            if (text.isEmpty() || continued || FIELD.matcher(text).matches() && !RECORD.matcher(text).matches()) {
                return true;
            }
            trailer = false;
        }
        Matcher m = RECORD.matcher(text);
        if (m.matches()) {
            verbose = new Verbose(record.origin(), m.group(1));
            return true;
        }
        if (text.equals("SEL has no entries")) {
            return true;
        }
        return (m = ROW.matcher(record.body())).matches() && row(record.origin(), m.group(1), m.group(2), sink);
    }

    private static boolean row(Origin origin, String id, String rest, Consumer<Event> sink) {
        String wall = null;
        String[] columns;
        Matcher pre = PRE_INIT.matcher(rest);
        if (pre.matches()) {
            columns = pre.group(1).split(" \\| ", -1);
        } else {
            String[] all = rest.split(" \\| ", -1);
            if (all.length < 3) {
                return false;
            }
            wall = SelText.wall(all[0], all[1]);
            if (wall == null) {
                return false;
            }
            columns = Arrays.copyOfRange(all, 2, all.length);
        }
        int state = -1;
        for (int i = columns.length - 1; i >= 1; i--) {
            String c = columns[i].strip();
            if (c.equals("Asserted") || c.equals("Deasserted")) {
                state = i;
                break;
            }
        }
        if (state < 0) {
            return columns.length > 0 && columns[0].startsWith("OEM record"); // OEM records: read, no event
        }
        String sensor = columns[0].strip();
        String description = String.join(" | ", Arrays.copyOfRange(columns, 1, state)).strip();
        String extra = state + 1 < columns.length ? String.join(" | ", Arrays.copyOfRange(columns, state + 1, columns.length))
                .strip() : null;
        Origin at = wall == null || origin.wall() != null ? origin : withWall(origin, wall);
        sink.accept(new IpmiSel(at, SelText.record(id), SelText.sensorType(sensor), sensor, description,
                columns[state].strip().toLowerCase(Locale.ROOT), SelText.dimm(extra, description, sensor),
                SelText.severity(description)));
        return true;
    }

    static Origin withWall(Origin o, String wall) {
        return new Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(), o.micros(), o.sortMicros(), wall,
                o.boot(), o.host(), o.kernel(), o.also());
    }

    @Override
    public boolean inBlock() {
        return verbose != null || trailer;
    }

    @Override
    public void finish(Consumer<Event> sink) {
        if (verbose != null) {
            sink.accept(verbose.event());
            verbose = null;
        }
        trailer = false;
    }

    /** A verbose record's fields as they come. */
    private static final class Verbose {
        private final Origin origin;
        private final String id;
        private long last;
        private String wall;
        private String sensorType;
        private String sensorNumber;
        private String direction;
        private String description;
        private String dimm;

        Verbose(Origin origin, String id) {
            this.origin = origin;
            this.id = id;
            this.last = origin.line();
        }

        void field(String label, String value, long line) {
            last = line;
            String v = value.strip();
            switch (label) {
                case "Timestamp" -> {
                    int space = v.indexOf(' ');
                    wall = space < 0 ? null : SelText.wall(v.substring(0, space), v.substring(space + 1));
                }
                case "Sensor Type" -> sensorType = v;
                case "Sensor Number" -> sensorNumber = v;
                case "Event Direction" -> direction = v;
                case "Description" -> description = v;
                case "Event Data" -> dimm = v.matches("CPU \\d{1,3} DIMM \\d{1,3}") ? v : dimm;
                default -> {
                    // Record Type, Generator ID, EvM Revision, Event Type, raw data: not needed
                }
            }
        }

        IpmiSel event() {
            Origin o = origin.through(last);
            if (wall != null && o.wall() == null) {
                o = withWall(o, wall);
            }
            String sensor = sensorType == null ? null : sensorNumber == null ? sensorType : sensorType + " #0x" + sensorNumber;
            String state = direction == null ? null : direction.startsWith("Deassertion") ? "deasserted" : "asserted";
            String desc = description == null ? "" : description;
            return new IpmiSel(o, SelText.record(id), sensorType, sensor, description, state,
                    dimm != null ? dimm : SelText.dimm(null, desc, sensor == null ? "" : sensor), SelText.severity(desc));
        }
    }
}
