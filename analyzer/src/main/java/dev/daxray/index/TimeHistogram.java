package dev.daxray.index;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
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

    /** Most fine buckets counted in the one pass (8 bytes each). */
    static final int MAX_FINE = 1 << 17;

    /**
     * One pass over the matches' time doc values into fine buckets spanning what the index holds
     * (the time points' minimum and maximum, or since/until), then the bars: the range of the
     * non-empty fine buckets (since/until when given), in the smallest round width that needs
     * fewer than {@code buckets} bars and is a multiple of the fine width. Both grids are aligned
     * to the epoch, so every fine bucket falls in exactly one bar. Memory is the fine buckets
     * (at most 1 MiB), whatever the number of matches.
     */
    static TimeHistogram of(IndexSearcher searcher, Matches matches, Long since, Long until, int buckets) throws IOException {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets " + buckets);
        }
        long[] held = held(searcher);
        long lo = since != null ? since : held == null ? 0 : held[0];
        long hi = until != null ? until - 1 : held == null ? 0 : held[1];
        if (held == null || hi < lo) {
            Count none = new Count(0, 1, new long[0]);
            matches.collect(none);
            return new TimeHistogram(0, WIDTHS.get(0), new long[0], none.untimed, searcher.timedOut());
        }
        long fineWidth = WIDTHS.get(WIDTHS.size() - 1);
        for (long w : WIDTHS) {
            if ((hi - lo) / w + 2 <= MAX_FINE) {
                fineWidth = w;
                break;
            }
        }
        long fineFrom = Math.floorDiv(lo, fineWidth) * fineWidth;
        Count fine = new Count(fineFrom, fineWidth, new long[(int) ((hi - fineFrom) / fineWidth + 1)]);
        matches.collect(fine);
        int firstFine = 0;
        while (firstFine < fine.counts.length && fine.counts[firstFine] == 0) {
            firstFine++;
        }
        if (firstFine == fine.counts.length) {
            return new TimeHistogram(0, WIDTHS.get(0), new long[0], fine.untimed, searcher.timedOut());
        }
        int lastFine = fine.counts.length - 1;
        while (fine.counts[lastFine] == 0) {
            lastFine--;
        }
        long first = since != null ? since : fineFrom + firstFine * fineWidth;
        long last = until != null ? until - 1 : fineFrom + (lastFine + 1) * fineWidth - 1;
        if (last - first < MIN_SPAN && (since == null || until == null)) {    // a burst within seconds gets bars around it
            long pad = (MIN_SPAN - (last - first)) / 2;
            first = since != null ? first : until != null ? last - MIN_SPAN : first - pad;
            last = first + MIN_SPAN;
        }
        long span = last - first + 1;
        long width = WIDTHS.get(WIDTHS.size() - 1);
        for (long w : WIDTHS) {
            if (w % fineWidth == 0 && (span + w - 1) / w < buckets) {       // one spare: aligning the start may add a bar
                width = w;
                break;
            }
        }
        long from = Math.floorDiv(first, width) * width;
        long[] counts = new long[(int) Math.max(1, Math.min(buckets, Math.floorDiv(last - from, width) + 1))];
        for (int i = firstFine; i <= lastFine; i++) {
            long bar = Math.floorDiv(fineFrom + i * fineWidth - from, width);
            if (bar >= 0 && bar < counts.length) {
                counts[(int) bar] += fine.counts[i];
            }
        }
        return new TimeHistogram(from, width, counts, fine.untimed, searcher.timedOut());
    }

    /** The earliest and latest time any incident in the index has, or null when none has one. */
    private static long[] held(IndexSearcher searcher) throws IOException {
        byte[] min = org.apache.lucene.index.PointValues.getMinPackedValue(searcher.getIndexReader(), IncidentFields.TIME);
        byte[] max = org.apache.lucene.index.PointValues.getMaxPackedValue(searcher.getIndexReader(), IncidentFields.TIME);
        if (min == null || max == null) {
            return null;
        }
        return new long[] {org.apache.lucene.util.NumericUtils.sortableBytesToLong(min, 0),
                org.apache.lucene.util.NumericUtils.sortableBytesToLong(max, 0)};
    }

    /** Where the matches come from: a query run again, or the matches a facet collection already gathered. */
    interface Matches {
        void collect(SimpleCollector collector) throws IOException;

        static Matches of(IndexSearcher searcher, Query query) {
            return collector -> searcher.search(query, collector);
        }

        static Matches of(FacetsCollector gathered) {
            return collector -> {
                for (FacetsCollector.MatchingDocs docs : gathered.getMatchingDocs()) {
                    LeafCollector leaf = collector.getLeafCollector(docs.context);
                    DocIdSetIterator it = docs.bits.iterator();
                    if (it == null) {
                        continue;
                    }
                    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                        leaf.collect(doc);
                    }
                }
            };
        }
    }

    /** Per-segment access to the time doc values. */
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

    private static final class Count extends TimeCollector {
        final long from;
        final long width;
        final long[] counts;
        long untimed;

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
            } else {
                untimed++;
            }
        }
    }
}
