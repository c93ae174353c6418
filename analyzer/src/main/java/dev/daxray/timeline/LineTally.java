package dev.daxray.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.daxray.capture.LineBuckets;
import dev.daxray.events.Event;

/**
 * Counts where the lines of one input went, one counter per {@link LineFate}: on the hot path a line
 * costs an array increment and no allocation. At the end the counts become {@link LineBuckets}.
 * Keeps the first few unparsed lines to show the user.
 */
final class LineTally {

    static final int SAMPLE = 5;

    private final long[] counts = new long[LineFate.values().length];
    private final ReadListener listener;
    private final List<InputSummary.Unparsed> unparsedSample = new ArrayList<>();
    private final List<InputSummary.Unparsed> unprefixedSample = new ArrayList<>();
    private long events;
    private long eventLines;
    private long lastEventLine = -1;

    LineTally(ReadListener listener) {
        this.listener = listener;
    }

    void count(long line, LineFate fate) {
        counts[fate.ordinal()]++;
        listener.line(line, fate);
    }

    /** Counts a line nothing read, keeping its text while the sample has room. */
    void unread(long line, LineFate fate, String text) {
        count(line, fate);
        List<InputSummary.Unparsed> sample = unprefixed(fate) ? unprefixedSample : unparsedSample;
        if (sample.size() < SAMPLE) {
            sample.add(new InputSummary.Unparsed(line, text));
        }
    }

    /** Whether the sample of lines of {@code fate} still has room (so the caller decodes a line only then). */
    boolean sampling(LineFate fate) {
        return (unprefixed(fate) ? unprefixedSample : unparsedSample).size() < SAMPLE;
    }

    private static boolean unprefixed(LineFate fate) {
        return fate == LineFate.UNPREFIXED || fate == LineFate.UNPREFIXED_RULED_OUT;
    }

    /**
     * An event was made; its first line is an event line. Readers make at most one event per first
     * line, and events of one input come out nearly in line order, so a repeat of the last line is
     * the only double count to rule out.
     */
    void eventFrom(long firstLine) {
        events++;
        if (firstLine != lastEventLine) {
            eventLines++;
            lastEventLine = firstLine;
        }
    }

    /** {@code sink}, with each event it is given counted here first (see {@link #eventFrom}). */
    Consumer<Event> counting(Consumer<Event> sink) {
        return event -> {
            eventFrom(event.origin().line());
            sink.accept(event);
        };
    }

    /** The events made so far. */
    long events() {
        return events;
    }

    long count(LineFate fate) {
        return counts[fate.ordinal()];
    }

    /**
     * The buckets, with unprefixed lines as chatter or skipped when {@code unprefixedIsNormal} (a console
     * capture) and as unparsed otherwise, and the context lines where a device document broke
     * ({@code brokenLines}) as unparsed.
     */
    LineBuckets buckets(boolean unprefixedIsNormal, Set<Long> brokenLines) {
        long unprefixed = count(LineFate.UNPREFIXED);
        long ruledOut = count(LineFate.UNPREFIXED_RULED_OUT);
        long broken = brokenLines.size();
        return new LineBuckets(eventLines, count(LineFate.READ) - eventLines + count(LineFate.CONTEXT) - broken,
                count(LineFate.CHATTER) + (unprefixedIsNormal ? unprefixed : 0),
                count(LineFate.SKIPPED) + (unprefixedIsNormal ? ruledOut : 0),
                count(LineFate.UNPARSED) + (unprefixedIsNormal ? 0 : unprefixed + ruledOut) + broken);
    }

    /** The first unparsed lines, {@code more} (device-document problems) included, in line order. */
    List<InputSummary.Unparsed> sample(boolean unprefixedIsNormal, List<InputSummary.Unparsed> more) {
        List<InputSummary.Unparsed> sample = new ArrayList<>(unparsedSample);
        if (!unprefixedIsNormal) {
            sample.addAll(unprefixedSample);
        }
        sample.addAll(more);
        sample.sort(Comparator.comparingLong(InputSummary.Unparsed::line));
        return sample.subList(0, Math.min(sample.size(), SAMPLE));
    }
}
