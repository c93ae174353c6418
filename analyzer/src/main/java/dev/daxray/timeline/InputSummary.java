package dev.daxray.timeline;

import java.util.List;

import dev.daxray.capture.LineBuckets;

/**
 * What reading one input found, for the per-input report.
 *
 * @param file           the input's name
 * @param format         the capture format most of its lines have (e.g. {@code dmesg -T})
 * @param lines          lines read
 * @param events         events made from them
 * @param unparsed       lines that are not log lines of the input's format and no family read
 *                       (shell prompts, mail quoting, annotations)
 * @param truncated      lines longer than the limit, cut
 * @param nulBytes       NUL bytes removed
 * @param boots          boots seen
 * @param unparsedSample the first few unparsed lines, to show the user
 * @param error          why the input could not be read, or null
 * @param notes          what else reading found that the user should hear (a bpftrace run's probes,
 *                       printf lines no mapping matched, maps); empty for most inputs
 * @param buckets        where every line went (event, context, chatter, skipped, unparsed): they add up
 *                       to {@code lines}, and {@code unparsed} is their unparsed bucket
 */
public record InputSummary(String file, String format, long lines, long events, long unparsed, long truncated,
                           long nulBytes, int boots, List<Unparsed> unparsedSample, String error, List<String> notes,
                           LineBuckets buckets) {

    public InputSummary {
        unparsedSample = List.copyOf(unparsedSample);
        notes = List.copyOf(notes);
        java.util.Objects.requireNonNull(buckets, "buckets");
    }

    /** A summary whose lines all went to {@code buckets}. */
    public InputSummary(String file, String format, long lines, long events, long truncated, long nulBytes,
                        int boots, List<Unparsed> unparsedSample, String error, List<String> notes, LineBuckets buckets) {
        this(file, format, lines, events, buckets.unparsed(), truncated, nulBytes, boots, unparsedSample, error, notes,
                buckets);
    }

    /** A line nothing could read. */
    public record Unparsed(long line, String text) {
    }

    public static InputSummary failed(String file, String error) {
        return new InputSummary(file, "unreadable", 0, 0, 0, 0, 0, List.of(), error, List.of(), LineBuckets.NONE);
    }

    /** The same summary with {@code more} events credited to the input (device listings). */
    public InputSummary withMoreEvents(long more) {
        return new InputSummary(file, format, lines, events + more, unparsed, truncated, nulBytes, boots,
                unparsedSample, error, notes, buckets);
    }

    /** The same summary with one more note. */
    public InputSummary withNote(String note) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new InputSummary(file, format, lines, events, unparsed, truncated, nulBytes, boots, unparsedSample,
                error, all, buckets);
    }

    public boolean failed() {
        return error != null;
    }
}
