package dev.daxray.timeline;

import java.util.List;

/**
 * The input formats an input's summary can name ({@link InputSummary#format()}), each recognised by its
 * content, never by the file's name; {@code daxray schema} lists them. A format with
 * {@code [caller]} appended is the same one with printk caller ids. What a tool printed inside a
 * format (mcelog, ras-mc-ctl, ipmitool) is a message family's, not a format.
 */
public final class InputFormats {

    /** A format's name as summaries print it, and what it is. */
    public record Format(String name, String description) {
    }

    private static final List<Format> ALL = List.of(
            new Format("dmesg", "dmesg / vmcore-dmesg.txt / makedumpfile --dump-dmesg / crash> log: [sec.usec] kernel time"),
            new Format("dmesg -T", "dmesg -T and crash> log -T: ctime wall time"),
            new Format("dmesg -x", "dmesg -x: facility:level before the time"),
            new Format("dmesg -r", "dmesg -r: <level> before the time"),
            new Format("crash log -m", "crash> log -m: the time, then <level>"),
            new Format("kmsg", "/dev/kmsg records: level,seq,usec,flags;message"),
            new Format("console", "serial console or pasted lines without a time, also tool outputs (mcelog, ras-mc-ctl, ipmitool)"),
            new Format("syslog", "traditional syslog: Mmm dd hh:mm:ss host tag: message"),
            new Format("syslog iso", "syslog with ISO 8601 times (rsyslog RSYSLOG_FileFormat)"),
            new Format("syslog rfc5424", "RFC 5424 syslog"),
            new Format("journal short-monotonic", "journalctl -o short-monotonic"),
            new Format("journal json", "journalctl -o json: one entry a line"),
            new Format("journal json-pretty", "journalctl -o json-pretty"),
            new Format("journal json-seq", "journalctl -o json-seq: RS before each entry"),
            new Format("journal json-sse", "journalctl -o json-sse: data: before each entry"),
            new Format("journal export", "journalctl -o export: binary fields by their 64-bit length"),
            new Format("journal verbose", "journalctl -o verbose"),
            new Format("dmesg json", "dmesg --json (util-linux 2.38+)"),
            new Format("wall broadcast", "a terminal capture with syslogd / journald emergency broadcasts"),
            new Format("ftrace", "tracefs trace / trace_pipe"),
            new Format("trace-cmd", "trace-cmd report"),
            new Format("perf script", "perf script"),
            new Format("rasdaemon", "rasdaemon's trace lines in its log"),
            new Format("rasdaemon sqlite", "rasdaemon's database ras-mc_event.db (SQLite magic)"),
            new Format("bpftrace", "bpftrace text output"),
            new Format("bpftrace -f json", "bpftrace -f json output"),
            new Format("json", "ndctl / daxctl list JSON"),
            new Format("binary (not a text capture)", "bytes that are not text: every line is unparsed"),
            new Format("empty", "an input without lines"),
            new Format("unreadable", "an input that could not be opened or decompressed"));

    private InputFormats() {
    }

    public static List<Format> all() {
        return ALL;
    }

    /** True when {@code name} is a listed format, with or without {@code [caller]}. */
    public static boolean known(String name) {
        String base = name.endsWith(" [caller]") ? name.substring(0, name.length() - " [caller]".length()) : name;
        return ALL.stream().anyMatch(f -> f.name().equals(base));
    }
}
