package dev.daxray.timeline;

/**
 * What became of one line as it was read. Some fates are settled only when the whole input has been
 * read: a {@link #READ} line is an event's first line or context, and a line without a log prefix
 * ({@link #UNPREFIXED}, {@link #UNPREFIXED_RULED_OUT}) is chatter or skipped in a console capture
 * (where no line has a prefix) and unparsed anywhere else (a shell prompt, quoting, an annotation).
 */
public enum LineFate {
    /** A family or the bpftrace reader took it. */
    READ,
    /** Read as part of the capture's structure: a device document, a trace header, a journal marker, ... */
    CONTEXT,
    /** A log line with no family keyword in its message. */
    CHATTER,
    /** A keyword line that every family whose keyword it has rules out by its anchors. */
    SKIPPED,
    /** A line nothing could read (a keyword line the parsers rejected, a binary line). */
    UNPARSED,
    /** A line without a log prefix or a family keyword that nothing read. */
    UNPREFIXED,
    /** A line without a log prefix whose family keywords the families' anchors all rule out. */
    UNPREFIXED_RULED_OUT
}
