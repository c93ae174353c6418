package dev.daxray.records;

import java.nio.charset.StandardCharsets;

/**
 * Recognises, from raw bytes, the commonest prefix shapes with a few comparisons, so the lines no
 * family wants can be counted without parsing them, and the lines a family wants get their
 * {@link Envelope} without the envelope grammar. It answers only when sure and otherwise returns
 * null, leaving the line to {@link EnvelopeParser}; tests check that whenever it answers, the
 * grammar gives the same envelope. Not thread-safe: it keeps what it read of the last line it recognised.
 */
public final class PrefixSniffer {

    /** A prefix shape the sniffer recognised, and the capture format it names. */
    public enum Shape {
        DMESG("dmesg"),
        DMESG_CALLER("dmesg [caller]"),
        DMESG_RAW("dmesg -r"),
        FTRACE("ftrace");

        private final String format;

        Shape(String format) {
            this.format = format;
        }

        public String format() {
            return format;
        }
    }

    private long micros;
    /** The time of the line being sniffed, which becomes {@link #micros} only if the line is recognised. */
    private long lineMicros;
    /** Of the last line recognised, relative to its first byte: where the message (or trace payload) starts. */
    private int bodyStart;
    /** The printk caller id's span ({@code T123} inside {@code [ T123]}), or -1. */
    private int callerStart = -1;
    private int callerEnd;
    /** The syslog level of a {@code <6>} prefix, or -1. */
    private int level = -1;
    /** The trace event name's span, and the task's. */
    private int eventStart;
    private int eventEnd;
    private int taskStart;
    private int taskEnd;
    private Shape shape;

    /** The monotonic time of the last line {@link #sniff} recognised, in microseconds. */
    public long micros() {
        return micros;
    }

    /**
     * The envelope of the line {@link #sniff} last recognised, as the grammar would read it;
     * {@code buf} and {@code off} must be the ones given to that call.
     */
    public Envelope envelope(byte[] buf, int off) {
        String caller = callerStart < 0 ? null : new String(buf, off + callerStart, callerEnd - callerStart,
                StandardCharsets.US_ASCII);
        return switch (shape) {
            case DMESG, DMESG_CALLER -> new Envelope(EnvelopeKind.DMESG, shape.format(), micros, null, null, null, -1,
                    caller, bodyStart);
            case DMESG_RAW -> new Envelope(EnvelopeKind.DMESG_RAW, shape.format(), micros, null, null, null, level,
                    caller, bodyStart);
            case FTRACE -> new Envelope(EnvelopeKind.TRACE, shape.format(), micros, null, null, null, -1, null,
                    bodyStart, new String(buf, off + eventStart, eventEnd - eventStart, StandardCharsets.US_ASCII),
                    new String(buf, off + taskStart, taskEnd - taskStart, StandardCharsets.UTF_8).strip());
        };
    }

    /** The shape of the prefix of {@code buf[off, off+len)}, or null when not sure. */
    public Shape sniff(byte[] buf, int off, int len) {
        shape = sniffShape(buf, off, len);
        if (shape != null) {
            micros = lineMicros;
        }
        return shape;
    }

    private Shape sniffShape(byte[] buf, int off, int len) {
        int end = off + len;
        int i = off;
        callerStart = -1;
        level = -1;
        if (i < end && buf[i] != '[' && !(buf[i] == '<' && i + 1 < end && isDigit(buf[i + 1]))) {
            return trace(buf, off, end);
        }
        boolean raw = false;
        if (i < end && buf[i] == '<') {
            int j = i + 1;
            int digits = 0;
            int pri = 0;
            while (j < end && isDigit(buf[j]) && digits < 3) {
                pri = pri * 10 + (buf[j] - '0');
                j++;
                digits++;
            }
            if (digits == 0 || j >= end || buf[j] != '>') {
                return null;
            }
            i = j + 1;
            raw = true;
            level = pri & 7;
        }
        int afterTime = monotonic(buf, i, end);
        if (afterTime < 0) {
            return null;
        }
        boolean caller = false;
        int afterCaller = caller(buf, afterTime, end, off);
        int blanks = afterTime;
        while (blanks < end && (buf[blanks] == ' ' || buf[blanks] == '\t')) {
            blanks++; // the grammar's SP before a caller id is any run of blanks
        }
        if (afterCaller < 0 && blanks > afterTime) {
            afterCaller = caller(buf, blanks, end, off);
        }
        if (afterCaller >= 0) {
            caller = true;
            afterTime = afterCaller;
        }
        if (afterTime < end && buf[afterTime] != ' ') {
            return null;
        }
        if (!raw && !caller && mayBeJournal(buf, afterTime, end)) {
            return null;
        }
        bodyStart = (afterTime < end ? afterTime + 1 : afterTime) - off;
        int body = off + bodyStart;
        if (!raw && body + 1 < end && buf[body] == '<' && isDigit(buf[body + 1])) {
            return null; // crash's log -m: the level after the time is the grammar's to read
        }
        if (raw) {
            return Shape.DMESG_RAW;
        }
        return caller ? Shape.DMESG_CALLER : Shape.DMESG;
    }

    /** {@code [  123.456789]} at {@code i}: the index after it (and its time in micros), or -1. */
    private int monotonic(byte[] buf, int i, int end) {
        if (i >= end || buf[i] != '[') {
            return -1;
        }
        i++;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        int digits = 0;
        long seconds = 0;
        while (i < end && isDigit(buf[i]) && digits < 12) {
            seconds = seconds * 10 + (buf[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0 || i >= end || buf[i] != '.') {
            return -1;
        }
        i++;
        digits = 0;
        long fraction = 0;
        while (i < end && isDigit(buf[i])) {
            if (digits < 6) {
                fraction = fraction * 10 + (buf[i] - '0');
            }
            i++;
            digits++;
        }
        if (digits == 0 || i >= end || buf[i] != ']') {
            return -1;
        }
        for (int d = digits; d < 6; d++) {
            fraction *= 10;
        }
        lineMicros = seconds * 1_000_000 + fraction;
        return i + 1;
    }

    /**
     * An ftrace / trace-cmd event line: {@code <task>-<pid> [(tgid)] [cpu] [flags] <sec>.<frac>: <event>: },
     * as {@code trace_print_context} prints it. Only lines with an event name are claimed (not the
     * function tracers' lines, nor rasdaemon's, whose payload starts with its own date).
     */
    private Shape trace(byte[] buf, int off, int end) {
        int open = -1;
        for (int i = off; i < end; i++) {
            if (buf[i] == '[') {
                open = i;
                break;
            }
        }
        int dash = open < 0 ? -1 : pidDash(buf, off, open);
        if (dash < 0) {
            return null;
        }
        int time = afterCpuAndFlags(buf, open, end);
        int name = time < 0 ? -1 : afterTraceTime(buf, time, end);
        if (name < 0) {
            return null;
        }
        // "<event>: " and a payload that is not rasdaemon's own date
        int i = name;
        while (i < end && (isDigit(buf[i]) || (buf[i] | 0x20) >= 'a' && (buf[i] | 0x20) <= 'z' || buf[i] == '_')) {
            i++;
        }
        if (i == name || i >= end || buf[i] != ':' || (i + 1 < end && buf[i + 1] != ' ')) {
            return null;
        }
        int payload = i + 1;
        while (payload < end && isBlank(buf[payload])) {
            payload++;
        }
        if (payload + 4 < end && isDigit(buf[payload]) && isDigit(buf[payload + 3]) && buf[payload + 4] == '-') {
            return null;
        }
        if (payload < end && buf[payload] < 0) {
            return null; // might be a blank beyond ASCII, which the grammar would skip
        }
        taskStart = 0;
        taskEnd = dash - off;
        eventStart = name - off;
        eventEnd = i - off;
        bodyStart = payload - off;
        return Shape.FTRACE;
    }

    /**
     * Before the {@code [} at {@code open}: {@code <task>-<pid>}, blanks, and optionally {@code (<tgid>)}
     * and blanks. The index of the dash, or -1.
     */
    private static int pidDash(byte[] buf, int off, int open) {
        int j = open - 1;
        int spaces = 0;
        while (j >= off && buf[j] == ' ') {
            j--;
            spaces++;
        }
        if (spaces == 0) {
            return -1;
        }
        if (j >= off && buf[j] == ')') {
            while (j >= off && buf[j] != '(') {
                j--;
            }
            j--;
            spaces = 0;
            while (j >= off && buf[j] == ' ') {
                j--;
                spaces++;
            }
            if (spaces == 0) {
                return -1;
            }
        }
        int digits = 0;
        while (j >= off && isDigit(buf[j])) {
            j--;
            digits++;
        }
        return digits == 0 || j < off || buf[j] != '-' || !taskName(buf, off, j) ? -1 : j;
    }

    /** {@code [cpu]}, blanks, and optionally the irq-info flags and blanks: the index after them, or -1. */
    private static int afterCpuAndFlags(byte[] buf, int open, int end) {
        int i = open + 1;
        int digits = 0;
        while (i < end && isDigit(buf[i])) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= end || buf[i] != ']') {
            return -1;
        }
        i++;
        int blank = i;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        if (i == blank) {
            return -1;
        }
        if (i < end && !isDigit(buf[i])) {
            int flags = 0;
            while (i < end && buf[i] != ' ' && flags < 6) {
                i++;
                flags++;
            }
            if (flags < 4 || flags > 5 || !traceFlags(buf, i - flags, flags)) {
                return -1;
            }
            blank = i;
            while (i < end && buf[i] == ' ') {
                i++;
            }
            if (i == blank) {
                return -1;
            }
        }
        return i;
    }

    /**
     * {@code <sec>.<frac>: } and blanks at {@code i}: the index after them, or -1; the time is kept in
     * {@link #lineMicros} until the whole line is recognised.
     */
    private int afterTraceTime(byte[] buf, int i, int end) {
        long seconds = 0;
        int digits = 0;
        while (i < end && isDigit(buf[i]) && digits < 12) {
            seconds = seconds * 10 + (buf[i++] - '0');
            digits++;
        }
        if (digits == 0 || i >= end || buf[i] != '.') {
            return -1;
        }
        i++;
        long fraction = 0;
        digits = 0;
        while (i < end && isDigit(buf[i])) {
            if (digits < 6) {
                fraction = fraction * 10 + (buf[i] - '0');
            }
            i++;
            digits++;
        }
        if (digits == 0 || i + 1 >= end || buf[i] != ':' || buf[i + 1] != ' ') {
            return -1;
        }
        for (int d = digits; d < 6; d++) {
            fraction *= 10;
        }
        lineMicros = seconds * 1_000_000 + fraction;
        i++;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        return i;
    }

    /** {@code [T123]} or {@code [    C1]} right at {@code i}: the index after it (and the id's span), or -1. */
    private int caller(byte[] buf, int i, int end, int off) {
        if (i >= end || buf[i] != '[') {
            return -1;
        }
        i++;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        if (i >= end || (buf[i] != 'T' && buf[i] != 'C')) {
            return -1;
        }
        int start = i;
        i++;
        int digits = 0;
        while (i < end && isDigit(buf[i])) {
            i++;
            digits++;
        }
        if (digits == 0 || i >= end || buf[i] != ']') {
            return -1;
        }
        callerStart = start - off;
        callerEnd = i - off;
        return i + 1;
    }

    /**
     * True when the text after the time could be journalctl's {@code host kernel:}; such lines go
     * to the grammar. The sniffer only needs to be cautious: a word followed by {@code kernel:}.
     */
    private static boolean mayBeJournal(byte[] buf, int i, int end) {
        int j = i + 1;
        while (j < end && buf[j] != ' ') {
            j++;
        }
        return j + 7 < end && buf[j + 1] == 'k' && buf[j + 2] == 'e' && buf[j + 3] == 'r' && buf[j + 4] == 'n'
                && buf[j + 5] == 'e' && buf[j + 6] == 'l' && buf[j + 7] == ':';
    }

    /**
     * The task name before {@code -<pid>} at {@code dash}, after the blanks that right-align it: at most
     * TASK_COMM_LEN (16) characters of ASCII, so it can be no other prefix the grammar would read
     * first (a syslog stamp and host, an ISO time, a kmsg header, all longer or with a ';'), and no
     * '#' (a trace comment to the grammar). Beyond ASCII, byte and character offsets part ways.
     */
    private static boolean taskName(byte[] buf, int off, int dash) {
        int start = off;
        while (start < dash && buf[start] == ' ') {
            start++;
        }
        if (dash - start > 16) {
            return false;
        }
        for (int k = start; k < dash; k++) {
            if (buf[k] < 0 || buf[k] == '#' || buf[k] == ';') {
                return false;
            }
        }
        return true;
    }

    /** The irq-info flags as the grammar's TRACE_FLAGS has them: {@code [DdbX.][NnpLlbB.][ZzHhs.][0-9a-f.][0-9a-f.]?}. */
    private static boolean traceFlags(byte[] buf, int at, int count) {
        for (int k = 0; k < count; k++) {
            if (FLAGS[k].indexOf(buf[at + k]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static final String[] FLAGS = {"DdbX.", "NnpLlbB.", "ZzHhs.", "0123456789abcdef.", "0123456789abcdef."};

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == 0x0b || b == '\f' || b == '\r' || (b >= 0x1c && b <= 0x1f);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
