package dev.daxray.records;

/** The kinds of line prefix daxray recognises (reference §6). */
public enum EnvelopeKind {
    /** {@code [ 1234.567890] } and the other dmesg time styles, optionally with a caller id. */
    DMESG,
    /** {@code <3>[ 1234.567890] }: dmesg -r, syslog(2), serial consoles with priorities. */
    DMESG_RAW,
    /** {@code kern  :err   : [ 1234.567890] }: dmesg -x. */
    DMESG_DECODED,
    /** {@code <3>} alone before the message. */
    PRIORITY_ONLY,
    /** {@code 3,2281,9021443350,-;}: a /dev/kmsg record. */
    KMSG,
    /** A {@code  KEY=value} dictionary line after a /dev/kmsg record. */
    CONTINUATION,
    /** {@code Nov 21 10:00:00 host kernel: }: syslog files and journalctl short modes. */
    SYSLOG,
    /** {@code [ 1234.567890] host kernel: }: journalctl -o short-monotonic. */
    JOURNAL_MONOTONIC,
    /** {@code <3>1 2026-11-21T10:00:00Z host kernel - - - }: RFC 5424. */
    RFC5424,
    /** {@code -- Boot 1a2b… --} and the other journalctl separators. */
    JOURNAL_MARKER,
    /**
     * An event line of a trace: the ftrace {@code trace} / {@code trace_pipe} files, {@code trace-cmd report},
     * {@code perf script}, rasdaemon's trace output. The body is the tracepoint payload.
     */
    TRACE,
    /** A trace header or marker line: {@code # tracer: nop}, the column legend, {@code cpus=4}, lost events. */
    TRACE_HEADER,
    /** No prefix: a serial console without timestamps, or text that is not a log line at all. */
    BARE
}
