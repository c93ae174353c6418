package dev.daxray.records;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.envelope.EnvelopeBaseVisitor;
import dev.daxray.grammar.envelope.EnvelopeLexer;
import dev.daxray.grammar.envelope.EnvelopeParser.DmesgContext;
import dev.daxray.grammar.envelope.EnvelopeParser.DmesgDecodedContext;
import dev.daxray.grammar.envelope.EnvelopeParser.DmesgRawContext;
import dev.daxray.grammar.envelope.EnvelopeParser.HostNameContext;
import dev.daxray.grammar.envelope.EnvelopeParser.JournalMonotonicContext;
import dev.daxray.grammar.envelope.EnvelopeParser.KernelTimeContext;
import dev.daxray.grammar.envelope.EnvelopeParser.Rfc5424Context;
import dev.daxray.grammar.envelope.EnvelopeParser.SyslogContext;
import dev.daxray.grammar.envelope.EnvelopeParser.TraceEventContext;

/**
 * Reads the prefix of one capture line (reference §6) with the {@code Envelope} grammar.
 * Not thread-safe: one per scanning thread.
 */
public final class EnvelopeParser {

    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("Jan", "01"), Map.entry("Feb", "02"), Map.entry("Mar", "03"), Map.entry("Apr", "04"),
            Map.entry("May", "05"), Map.entry("Jun", "06"), Map.entry("Jul", "07"), Map.entry("Aug", "08"),
            Map.entry("Sep", "09"), Map.entry("Oct", "10"), Map.entry("Nov", "11"), Map.entry("Dec", "12"));

    private final ParseDriver<dev.daxray.grammar.envelope.EnvelopeParser> driver =
            new ParseDriver<>(EnvelopeLexer::new, dev.daxray.grammar.envelope.EnvelopeParser::new);

    /**
     * The parts of a TRACE_CONTEXT token (the grammar has checked its shape): task-name end, pid,
     * optional TGID column, cpu, optional flags, seconds, fraction, and the colon rasdaemon may omit.
     */
    private static final Pattern TRACE_CONTEXT = Pattern.compile(
            "^.*-(\\d+) +(?:\\( *(?:\\d+|-+)\\) +)?\\[(\\d+)](?: +(\\S{4,5}))? +(\\d+)(?:\\.(\\d+))?(:?)$");
    /** A syslog tag's {@code [pid]}. */
    private static final Pattern TAG_PID = Pattern.compile("\\[\\d+]$");
    /** The brackets and blanks around a printk caller id. */
    private static final Pattern CALLER_MARKS = Pattern.compile("[\\[\\] ]");
    /** A wall time ending in a zone offset without a colon: {@code +0100}. */
    private static final Pattern NUMERIC_OFFSET = Pattern.compile(".*[+-]\\d{4}$");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** The envelope of {@code line}; never fails: a line with no known prefix is {@link EnvelopeKind#BARE}. */
    public Envelope parse(String line) {
        try {
            return driver.tryParse(line, dev.daxray.grammar.envelope.EnvelopeParser::line)
                    .map(tree -> new Builder(line).visit(tree.traceHeader() != null ? tree.traceHeader() : tree.envelope()))
                    .orElseGet(() -> bareOf(line));
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            return bareOf(line); // a trace time no clock prints: not a trace line
        }
    }

    private static Envelope bareOf(String line) {
        int start = 0;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        return new Envelope(EnvelopeKind.BARE, "console", null, null, null, null, -1, null, start);
    }

    /** One visit per labelled alternative; each returns the envelope of the line. */
    private static final class Builder extends EnvelopeBaseVisitor<Envelope> {
        private final String line;

        Builder(String line) {
            this.line = line;
        }

        @Override
        public Envelope visitJournalMarker(dev.daxray.grammar.envelope.EnvelopeParser.JournalMarkerContext ctx) {
            return new Envelope(EnvelopeKind.JOURNAL_MARKER, "journal", null, null, null, null, -1, null, line.length());
        }

        @Override
        public Envelope visitKmsgRecord(dev.daxray.grammar.envelope.EnvelopeParser.KmsgRecordContext ctx) {
            String header = ctx.KMSG().getText();
            String[] parts = header.substring(0, header.length() - 1).split(",", -1);
            int level = Integer.parseInt(parts[0]) & 7;
            long micros = Long.parseLong(parts[2]);
            String caller = null;
            for (int i = 4; i < parts.length; i++) {
                if (parts[i].startsWith("caller=")) {
                    caller = parts[i].substring("caller=".length());
                }
            }
            return new Envelope(EnvelopeKind.KMSG, "kmsg", micros, null, null, null, level, caller, bodyAfter(ctx));
        }

        @Override
        public Envelope visitRfc5424(Rfc5424Context ctx) {
            return new Envelope(EnvelopeKind.RFC5424, "syslog rfc5424", null, isoWall(ctx.ISO_TIME().getText()),
                    host(ctx.host), ctx.app.getText(), level(ctx.PRI().getText()), null, bodyAfter(ctx));
        }

        @Override
        public Envelope visitSyslog(SyslogContext ctx) {
            Token stamp = ctx.syslogStamp().getStart();
            String tagText = ctx.tag().getText();
            String tag = TAG_PID.matcher(tagText.substring(0, tagText.length() - 1)).replaceFirst("");
            KernelTime time = kernelTime(ctx.kernelTime());
            String format = switch (stamp.getType()) {
                case EnvelopeLexer.SYSLOG_TIME -> "syslog";
                case EnvelopeLexer.ISO_TIME -> "syslog iso";
                case EnvelopeLexer.UNIX_TIME -> "journal short-unix";
                default -> "journal short-full";
            };
            return new Envelope(EnvelopeKind.SYSLOG, format, time.micros, stampWall(stamp),
                    ctx.host == null ? null : host(ctx.host), tag,
                    ctx.PRI() == null ? -1 : level(ctx.PRI().getText()), time.caller, bodyAfter(ctx));
        }

        @Override
        public Envelope visitJournalMonotonic(JournalMonotonicContext ctx) {
            Token stamp = ctx.getStart();
            KernelTime inner = kernelTime(ctx.kernelTime());
            Long micros = inner.micros != null ? inner.micros : monoMicros(stamp.getText());
            return new Envelope(EnvelopeKind.JOURNAL_MONOTONIC, "journal short-monotonic", micros, null,
                    host(ctx.host), "kernel", -1, inner.caller, bodyAfter(ctx));
        }

        @Override
        public Envelope visitDmesgDecoded(DmesgDecodedContext ctx) {
            KernelTime time = kernelTime(ctx.kernelTime());
            String[] decode = ctx.DECODE().getText().split(":");
            return new Envelope(EnvelopeKind.DMESG_DECODED, "dmesg -x", time.micros, time.wall, null, null,
                    levelNamed(decode[1].trim()), time.caller, bodyAfter(ctx));
        }

        @Override
        public Envelope visitDmesgRaw(DmesgRawContext ctx) {
            KernelTime time = kernelTime(ctx.kernelTime());
            return new Envelope(EnvelopeKind.DMESG_RAW, "dmesg -r", time.micros, time.wall, null, null,
                    level(ctx.PRI().getText()), time.caller, bodyAfter(ctx));
        }

        /** crash's {@code log -m}: the record's level in hex right after the time (and caller id). */
        @Override
        public Envelope visitDmesgLevel(dev.daxray.grammar.envelope.EnvelopeParser.DmesgLevelContext ctx) {
            KernelTime time = kernelTime(ctx.kernelTime());
            String pri = ctx.PRI().getText();
            int level = Integer.parseInt(pri.substring(1, pri.length() - 1), 16) & 7;
            return new Envelope(EnvelopeKind.DMESG_RAW, "crash log -m", time.micros, time.wall, null, null, level,
                    time.caller, bodyAfter(ctx));
        }

        @Override
        public Envelope visitDmesg(DmesgContext ctx) {
            KernelTime time = kernelTime(ctx.kernelTime());
            return new Envelope(EnvelopeKind.DMESG, time.format, time.micros, time.wall, null, null, -1, time.caller,
                    bodyAfter(ctx));
        }

        @Override
        public Envelope visitPriorityOnly(dev.daxray.grammar.envelope.EnvelopeParser.PriorityOnlyContext ctx) {
            return new Envelope(EnvelopeKind.PRIORITY_ONLY, "console <level>", null, null, null, null,
                    level(ctx.PRI().getText()), null, bodyAfter(ctx));
        }

        @Override
        public Envelope visitContinuation(dev.daxray.grammar.envelope.EnvelopeParser.ContinuationContext ctx) {
            return new Envelope(EnvelopeKind.CONTINUATION, "kmsg", null, null, null, null, -1, null,
                    firstNonBlank(0));
        }

        @Override
        public Envelope visitTraceComment(dev.daxray.grammar.envelope.EnvelopeParser.TraceCommentContext ctx) {
            return traceHeader("ftrace");
        }

        @Override
        public Envelope visitTraceCmdHeader(dev.daxray.grammar.envelope.EnvelopeParser.TraceCmdHeaderContext ctx) {
            return traceHeader("trace-cmd");
        }

        @Override
        public Envelope visitTraceLost(dev.daxray.grammar.envelope.EnvelopeParser.TraceLostContext ctx) {
            return traceHeader(ctx.getText().endsWith("DROPPED]") ? "trace-cmd" : "ftrace");
        }

        private Envelope traceHeader(String format) {
            return new Envelope(EnvelopeKind.TRACE_HEADER, format, null, null, null, null, -1, null, line.length());
        }

        @Override
        public Envelope visitFtrace(dev.daxray.grammar.envelope.EnvelopeParser.FtraceContext ctx) {
            Matcher context = TRACE_CONTEXT.matcher(ctx.TRACE_CONTEXT().getText());
            if (!context.matches()) {
                throw new IllegalStateException("TRACE_CONTEXT token the pattern does not read: " + ctx.getText());
            }
            TraceEventContext event = ctx.traceEvent();
            boolean noColon = context.group(6).isEmpty();
            if (event == null && noColon) {
                return bareOf(line); // rasdaemon omits the colon only before its own time stamp
            }
            if (event == null) {
                // function tracer: "memory_failure <-kill_me_maybe", the payload right after the time
                return new Envelope(EnvelopeKind.TRACE, "ftrace", traceMicros(context), null, null, null, -1, null,
                        firstNonBlank(ctx.TRACE_CONTEXT().getSymbol().getStopIndex() + 1), "function");
            }
            String name = event.name.getText();
            if (name.endsWith(":")) {
                name = name.substring(0, name.length() - 1);
            }
            int bodyStart = firstNonBlank(event.stop.getStopIndex() + 1);
            if (event.RAS_TIME() != null) {
                // rasdaemon: the trace time is its own buffer's, not the kernel's clock; its wall time is real
                return new Envelope(EnvelopeKind.TRACE, "rasdaemon", null, rasWall(event.RAS_TIME().getText()), null,
                        null, -1, null, bodyStart, name);
            }
            // the task: the line up to the '-' before the pid, which the TRACE_CONTEXT token holds
            int dash = ctx.TRACE_CONTEXT().getSymbol().getStartIndex() + context.start(1) - 1;
            return new Envelope(EnvelopeKind.TRACE, "ftrace", traceMicros(context), null, null, null, -1, null,
                    bodyStart, name, line.substring(0, dash).strip());
        }

        @Override
        public Envelope visitPerfScript(dev.daxray.grammar.envelope.EnvelopeParser.PerfScriptContext ctx) {
            String context = ctx.PERF_CONTEXT().getText();
            String time = context.substring(context.lastIndexOf(' ') + 1, context.length() - 1);
            String event = Trees.source(ctx.perfEvent, ctx.stop);
            return new Envelope(EnvelopeKind.TRACE, "perf script", clockMicros(time), null, null, null, -1, null,
                    firstNonBlank(ctx.stop.getStopIndex() + 1), event.substring(0, event.length() - 1),
                    Trees.source(ctx.task().start, ctx.task().stop).strip());
        }

        @Override
        public Envelope visitFunctionGraph(dev.daxray.grammar.envelope.EnvelopeParser.FunctionGraphContext ctx) {
            return new Envelope(EnvelopeKind.TRACE, "ftrace", null, null, null, null, -1, null,
                    firstNonBlank(ctx.stop.getStopIndex() + 1), "function_graph");
        }

        @Override
        public Envelope visitBare(dev.daxray.grammar.envelope.EnvelopeParser.BareContext ctx) {
            return bareOf(line);
        }

        /** The body starts after the prefix and the one space that separates them. */
        private int bodyAfter(ParserRuleContext ctx) {
            int end = ctx.stop == null ? 0 : ctx.stop.getStopIndex() + 1;
            if (end < line.length() && (line.charAt(end) == ' ' || line.charAt(end) == '\t')) {
                end++;
            }
            return Math.min(end, line.length());
        }

        private int firstNonBlank(int from) {
            int i = from;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** The host as the log names it; an IPv6 address without the brackets some daemons put around it. */
    private static String host(HostNameContext ctx) {
        String text = ctx.getText();
        return ctx.BRACKETED_IPV6() != null ? text.substring(1, text.length() - 1) : text;
    }

    /** Seconds and fraction of a trace time to microseconds; null for a counter clock (no fraction). */
    private static Long traceMicros(Matcher context) {
        return context.group(5) == null ? null : clockMicros(context.group(4) + "." + context.group(5));
    }

    /** {@code 81234.567530} (or nanoseconds, {@code 81234.567530123}) to microseconds. */
    static Long clockMicros(String secondsDotFraction) {
        int dot = secondsDotFraction.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String fraction = (secondsDotFraction.substring(dot + 1) + "000000").substring(0, 6);
        return Math.addExact(Math.multiplyExact(Long.parseLong(secondsDotFraction.substring(0, dot)), 1_000_000L),
                Long.parseLong(fraction));
    }

    /** {@code 2020-10-02 13:27:13 -0400} to {@code 2020-10-02T13:27:13-04:00}. */
    private static String rasWall(String text) {
        return isoWall(text.substring(0, 10) + "T" + text.substring(11, 19) + text.substring(20));
    }

    private record KernelTime(String format, Long micros, String wall, String caller) {
        static final KernelTime NONE = new KernelTime("console", null, null, null);
    }

    private static KernelTime kernelTime(KernelTimeContext ctx) {
        if (ctx == null) {
            return KernelTime.NONE;
        }
        String caller = ctx.CALLER() == null ? null : CALLER_MARKS.matcher(ctx.CALLER().getText()).replaceAll("");
        if (ctx.MONO() != null) {
            return new KernelTime(caller == null ? "dmesg" : "dmesg [caller]", monoMicros(ctx.MONO().getText()), null,
                    caller);
        }
        if (ctx.MONO_DELTA() != null) {
            return new KernelTime("dmesg -d", monoMicros(ctx.MONO_DELTA().getText()), null, caller);
        }
        if (ctx.CTIME() != null) {
            return new KernelTime("dmesg -T", null, ctimeWall(ctx.CTIME().getText()), caller);
        }
        if (ctx.RELTIME() != null) {
            return new KernelTime("dmesg -e", null, null, caller);
        }
        if (ctx.DMESG_ISO_TIME() != null) {
            return new KernelTime("dmesg --time-format iso", null, isoWall(ctx.DMESG_ISO_TIME().getText()), caller);
        }
        return new KernelTime("console [caller]", null, null, caller);
    }

    /** {@code [ 1234.567890]} or {@code [ 1234.567890 <    0.000120>]} to microseconds. */
    static long monoMicros(String token) {
        int i = 1;
        while (token.charAt(i) == ' ') {
            i++;
        }
        long seconds = 0;
        while (Character.isDigit(token.charAt(i))) {
            seconds = seconds * 10 + (token.charAt(i++) - '0');
        }
        i++; // '.'
        long fraction = 0;
        int digits = 0;
        while (i < token.length() && Character.isDigit(token.charAt(i))) {
            if (digits < 6) {
                fraction = fraction * 10 + (token.charAt(i) - '0');
                digits++;
            }
            i++;
        }
        while (digits++ < 6) {
            fraction *= 10;
        }
        return seconds * 1_000_000 + fraction;
    }

    private static String stampWall(Token stamp) {
        String text = stamp.getText();
        return switch (stamp.getType()) {
            case EnvelopeLexer.SYSLOG_TIME -> syslogWall(text);
            case EnvelopeLexer.ISO_TIME -> isoWall(text);
            case EnvelopeLexer.UNIX_TIME -> unixWall(text);
            default -> fullWall(text);
        };
    }

    /** {@code Nov  1 09:03:07.123} has no year: ISO-8601's truncated form {@code --11-01T09:03:07.123}. */
    private static String syslogWall(String text) {
        String month = MONTHS.get(text.substring(0, 3));
        String day = text.substring(4, 6).trim();
        return "--" + month + "-" + (day.length() == 1 ? "0" + day : day) + "T" + text.substring(7);
    }

    /** Comma fractions become dots and {@code +0100} becomes {@code +01:00}. */
    static String isoWall(String text) {
        String iso = text.replace(',', '.');
        if (NUMERIC_OFFSET.matcher(iso).matches()) {
            iso = iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2);
        }
        return iso;
    }

    private static String unixWall(String text) {
        String[] parts = text.split("\\.");
        Instant instant = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]) * 1000);
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    /** {@code Sat 2026-11-21 10:00:00 CET}: the zone name has no ISO form, so it is dropped. */
    private static String fullWall(String text) {
        String[] parts = text.split(" ");
        return parts[1] + "T" + parts[2];
    }

    /**
     * {@code [Sat Nov 21 10:00:00 2026]} (local time, no zone) to {@code 2026-11-21T10:00:00}; crash's
     * {@code [Sat Nov 21 10:00:00 CET 2026]} the same (a zone name has no ISO form, so it is dropped).
     */
    private static String ctimeWall(String token) {
        String[] parts = BLANKS.split(token.substring(1, token.length() - 1).trim());
        String day = parts[2].length() == 1 ? "0" + parts[2] : parts[2];
        String year = parts[4].length() == 4 && Character.isDigit(parts[4].charAt(0)) ? parts[4] : parts[5];
        return year + "-" + MONTHS.get(parts[1]) + "-" + day + "T" + parts[3];
    }

    private static int level(String pri) {
        return Integer.parseInt(pri.substring(1, pri.length() - 1)) & 7;
    }

    private static int levelNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "emerg" -> 0;
            case "alert" -> 1;
            case "crit" -> 2;
            case "err" -> 3;
            case "warn" -> 4;
            case "notice" -> 5;
            case "info" -> 6;
            default -> 7;
        };
    }
}
