package dev.daxray.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Origin;

/**
 * Writes events as an aligned timeline a person reads top to bottom:
 * <pre>
 *   boot  time            type              what                                     where
 *   0     2439.742296     mce               physAddr=0x1850602400 severity=...      dmesg.log:1
 * </pre>
 * The time column is the monotonic time when the capture has it, else the wall clock, else a dash.
 */
public final class EventTextWriter {

    private static final int TYPE_WIDTH = 19;
    private static final int MAX_WHAT = 160;

    private final PrintWriter out;

    public EventTextWriter(PrintWriter out) {
        this.out = out;
    }

    public void header() {
        out.printf("%-4s  %-19s  %-" + TYPE_WIDTH + "s  %s%n", "boot", "time", "type", "what  (where)");
    }

    public void write(Event event) {
        Origin origin = event.origin();
        out.printf("%-4d  %-19s  %-" + TYPE_WIDTH + "s  %s  (%s)%n", origin.boot(), Untrusted.terminal(time(origin)),
                event.type(), what(event), Untrusted.terminal(origin.location()));
    }

    private static String time(Origin origin) {
        if (origin.micros() != null) {
            return String.format("%13s", EventSchema.seconds(origin.micros()).toPlainString());
        }
        return origin.wall() != null ? origin.wall() : "-";
    }

    /** The event's own fields as {@code name=value}, long lists summarised, log-derived text escaped. */
    static String what(Event event) {
        StringJoiner what = new StringJoiner(" ");
        for (EventSchema.Field field : EventSchema.get().typeOf(event).ownFields()) {
            Object value = field.read(event);
            if (value == null) {
                continue;
            }
            if (value instanceof List<?> list) {
                if (!list.isEmpty()) {
                    what.add(field.name() + "=[" + Untrusted.terminal(String.valueOf(list.get(0)))
                            + (list.size() > 1 ? " +" + (list.size() - 1) : "") + "]");
                }
                continue;
            }
            String text = Untrusted.terminal(value.toString());
            what.add(field.name() + "=" + (text.contains(" ") ? "\"" + text + "\"" : text));
        }
        String joined = what.toString();
        return joined.length() <= MAX_WHAT ? joined : joined.substring(0, MAX_WHAT - 1) + "…";
    }
}
