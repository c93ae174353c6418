package dev.daxray.index;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Matching incidents counted per time bucket: bars of one round width ({@link #WIDTHS}) from
 * {@code from}, the first bucket's start, aligned to the width in UTC.
 *
 * @param from     epoch ms of the first bucket's start (0 with no timed match)
 * @param width    bucket width in ms
 * @param counts   incidents per bucket
 * @param untimed  matches without a wall-clock time (in no bucket)
 * @param partial  the search's time limit cut the counting short
 */
public record TimeHistogram(long from, long width, long[] counts, long untimed, boolean partial) {

    /** Bucket widths a histogram picks from: the smallest that needs no more than the buckets asked for. */
    static final List<Long> WIDTHS = List.of(1_000L, 5_000L, 15_000L, 60_000L, 300_000L, 900_000L, 3_600_000L,
            3 * 3_600_000L, 6 * 3_600_000L, 12 * 3_600_000L, 86_400_000L, 7 * 86_400_000L, 30 * 86_400_000L,
            365 * 86_400_000L);

    /** The shortest range drawn: matches closer together than this are drawn in a range this long. */
    static final long MIN_SPAN = 1_800_000L;

    /** The end of the last bucket (exclusive). */
    public long to() {
        return from + width * counts.length;
    }

    /** The largest bucket's count. */
    public long max() {
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    /**
     * Two passes over the matches' time doc values: the first finds the range (since/until bound it
     * when given), the second counts. Memory is the buckets, whatever the number of matches.
     */
    static TimeHistogram of(IndexSearcher searcher, Query query, Long since, Long until, int buckets) throws IOException {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets " + buckets);
        }
        Range range = new Range();
        searcher.search(query, range);
        if (range.timed == 0) {
            return new TimeHistogram(0, WIDTHS.get(0), new long[0], range.untimed, searcher.timedOut());
        }
        long first = since != null ? since : range.min;
        long last = until != null ? until - 1 : range.max;
        if (last - first < MIN_SPAN && (since == null || until == null)) {    // a burst within seconds gets bars around it
            long pad = (MIN_SPAN - (last - first)) / 2;
            first = since != null ? first : until != null ? last - MIN_SPAN : first - pad;
            last = first + MIN_SPAN;
        }
        long span = Math.max(1, last - first + 1);
        long width = WIDTHS.get(WIDTHS.size() - 1);
        for (long w : WIDTHS) {
            if ((span + w - 1) / w < buckets) {       // one spare: aligning the start may add a bucket
                width = w;
                break;
            }
        }
        long from = Math.floorDiv(first, width) * width;
        int n = (int) Math.min(buckets, Math.floorDiv(last - from, width) + 1);
        Count count = new Count(from, width, new long[Math.max(1, n)]);
        searcher.search(query, count);
        return new TimeHistogram(from, width, count.counts, range.untimed, searcher.timedOut());
    }

    /** Per-segment access to the time doc values, for both passes. */
    private abstract static class TimeCollector extends SimpleCollector {
        SortedNumericDocValues time;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            time = DocValues.getSortedNumeric(context.reader(), IncidentFields.TIME);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static final class Range extends TimeCollector {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long timed;
        long untimed;

        @Override
        public void collect(int doc) throws IOException {
            if (time.advanceExact(doc)) {
                long t = time.nextValue();
                min = Math.min(min, t);
                max = Math.max(max, t);
                timed++;
            } else {
                untimed++;
            }
        }
    }

    private static final class Count extends TimeCollector {
        final long from;
        final long width;
        final long[] counts;

        Count(long from, long width, long[] counts) {
            this.from = from;
            this.width = width;
            this.counts = counts;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (time.advanceExact(doc)) {
                long bucket = Math.floorDiv(time.nextValue() - from, width);
                if (bucket >= 0 && bucket < counts.length) {
                    counts[(int) bucket]++;
                }
            }
        }
    }
}
