package dev.daxray.capture;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where the lines of one input went: every line is in exactly one bucket, so the buckets add up to
 * the input's line count.
 *
 * @param event    lines that are the first line of an event
 * @param context  lines read as part of something: the further lines of a multi-line block (MCE dump,
 *                 GHES record, crash report), device documents (ndctl / daxctl JSON, {@code /proc/iomem},
 *                 sysfs dumps), trace headers and column legends, function-tracer lines, journal
 *                 markers, {@code /dev/kmsg} dictionary lines, bpftrace output that is not an event
 * @param chatter  log lines with no family keyword in their message (the bulk of any capture)
 * @param skipped  lines with a family keyword that every such family's anchors rule out (e.g.
 *                 {@code EXT4-fs (sda1): re-mounted ...}), so no parser saw them
 * @param unparsed lines nothing could read: a keyword line every parser rejected, a line with no log
 *                 prefix in a prefixed capture (shell prompts, quoting), a binary line, the line where a
 *                 device document broke
 */
@JsonPropertyOrder({"event", "context", "chatter", "skipped", "unparsed"})
public record LineBuckets(long event, long context, long chatter, long skipped, long unparsed) {

    public static final LineBuckets NONE = new LineBuckets(0, 0, 0, 0, 0);

    /** The lines counted: the input's line count. */
    public long total() {
        return event + context + chatter + skipped + unparsed;
    }
}
