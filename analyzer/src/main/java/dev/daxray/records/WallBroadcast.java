package dev.daxray.records;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emergency messages broadcast to terminals (log-transport-formats.md §4), which a triager pastes from a
 * console or a {@code script} log among other output: rsyslog's (and sysklogd's) {@code Message from
 * syslogd@HOST at Nov 21 10:00:05 ...} and journald's {@code Broadcast message from systemd-journald@HOST
 * (Sat 2026-11-21 10:00:05 CET):}, each followed (after empty lines for journald) by one message line,
 * {@code  kernel:Kernel panic - …}, {@code  kernel:[ 1234.567890] mce: …} or {@code kernel[304]: …}. The
 * header gives the message its host and wall time; the kernel's {@code [sec.usec]}, when kept, its
 * monotonic time. CR, LF CR and BEL from the terminal framing are ignored. One per input.
 */
public final class WallBroadcast {

    private static final Pattern SYSLOGD = Pattern.compile(
            "^[\\r\\u0007 ]*Message from syslogd@(\\S+) at (?:(\\w{3}) ([ \\d]\\d) (\\d\\d:\\d\\d:\\d\\d)"
            + "|\\w{3} (\\w{3}) ([ \\d]\\d) (\\d\\d:\\d\\d:\\d\\d) (\\d{4})) \\.\\.\\.\\s*$");
    private static final Pattern JOURNALD = Pattern.compile(
            "^[\\r\\u0007 ]*Broadcast message from systemd-journald@(\\S+) \\(\\w{3} (\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d)(?: \\S+)?\\):\\s*$");
    /** rsyslog {@code  kernel:text}, sysklogd {@code host kernel: text}, journald {@code kernel[304]: text}. */
    private static final Pattern MESSAGE = Pattern.compile("^[\\r\\u0007]*(?: ?|\\S+ )([A-Za-z0-9_.\\-/@()]{1,48}?)(?:\\[\\d{1,10}\\])?:(.*)$");
    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("Jan", "01"), Map.entry("Feb", "02"), Map.entry("Mar", "03"), Map.entry("Apr", "04"),
            Map.entry("May", "05"), Map.entry("Jun", "06"), Map.entry("Jul", "07"), Map.entry("Aug", "08"),
            Map.entry("Sep", "09"), Map.entry("Oct", "10"), Map.entry("Nov", "11"), Map.entry("Dec", "12"));
    private static final int MAX_BLANK_LINES = 3;

    private static final Pattern OTHER = Pattern.compile(
            "^[\\r\\u0007 ]*Broadcast message from \\S+@\\S+(?: on \\S+)? \\(.*\\):\\s*$");

    /** What a line is to the broadcasts around it. */
    public enum Part {
        /** Not part of a broadcast: read as usual. */
        NONE,
        /** A header, the empty lines around a message, or a person's {@code wall} text: the broadcast's own lines. */
        FRAMING,
        /** The message a daemon's header announced: read with {@link #envelope()}. */
        MESSAGE,
        /** Text right after a broadcast that is no broadcast: the terminal's own output, never a kernel line. */
        TERMINAL
    }

    private enum State { NONE, AWAIT, USER, AFTER }

    private State state = State.NONE;
    private String host;
    private String wall;
    private int blanks;
    private Envelope envelope;

    /** What {@code line} is; {@code inner} reads a kernel time after a message's tag. */
    public Part part(String line, EnvelopeParser inner) {
        if (line.contains("essage from ") && header(line)) {
            return Part.FRAMING;
        }
        boolean blank = line.isBlank();
        switch (state) {
            case AWAIT -> {
                if (blank) {
                    state = ++blanks > MAX_BLANK_LINES ? State.NONE : State.AWAIT;
                    return Part.FRAMING;
                }
                envelope = message(line, inner);
                state = envelope == null ? State.NONE : State.AFTER;
                return envelope == null ? Part.NONE : Part.MESSAGE;
            }
            case USER -> {
                if (blank && blanks++ > 0) {
                    state = State.AFTER;
                }
                return Part.FRAMING;
            }
            case AFTER -> {
                if (blank) {
                    return Part.FRAMING;
                }
                state = State.NONE;
                return Part.TERMINAL;
            }
            default -> {
                return Part.NONE;
            }
        }
    }

    /** The envelope of the last {@link Part#MESSAGE} line. */
    public Envelope envelope() {
        return envelope;
    }

    private boolean header(String line) {
        Matcher m = SYSLOGD.matcher(line);
        if (m.matches() && MONTHS.containsKey(m.group(2) != null ? m.group(2) : m.group(5))) {
            host = m.group(1);
            wall = m.group(2) != null ? "--" + MONTHS.get(m.group(2)) + "-" + day(m.group(3)) + "T" + m.group(4)
                    : m.group(8) + "-" + MONTHS.get(m.group(5)) + "-" + day(m.group(6)) + "T" + m.group(7);
            return await();
        }
        m = JOURNALD.matcher(line);
        if (m.matches()) {
            host = m.group(1);
            wall = m.group(2) + "T" + m.group(3);
            return await();
        }
        if (OTHER.matcher(line).matches()) {
            // wall(1), shutdown: a person's text, never a kernel message
            state = State.USER;
            blanks = 0;
            return true;
        }
        return false;
    }

    private boolean await() {
        state = State.AWAIT;
        blanks = 0;
        return true;
    }

    private Envelope message(String line, EnvelopeParser inner) {
        Matcher m = MESSAGE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        int at = m.start(2);
        if (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        Envelope time = inner.parse(line.substring(at));
        boolean kernelTime = time.kind() == EnvelopeKind.DMESG;
        return new Envelope(EnvelopeKind.SYSLOG, "wall broadcast", kernelTime ? time.micros() : null, wall, host,
                m.group(1), -1, kernelTime ? time.caller() : null, at + (kernelTime ? time.bodyStart() : 0));
    }

    private static String day(String day) {
        String d = day.strip();
        return d.length() == 1 ? "0" + d : d;
    }
}
