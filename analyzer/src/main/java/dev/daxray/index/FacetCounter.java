package dev.daxray.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Counts the values of facet dimensions over one opened reader. Each dimension's doc values are
 * decoded once per reader into {@link FacetColumn}s, on first use; a count then walks the matches
 * once for all dimensions together, each segment cut into as many doc ranges as there are cores,
 * counted side by side, and keeps the {@code top} values of each dimension.
 */
final class FacetCounter {

    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Daemon threads: a search never keeps the JVM alive. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "daxray-facets");
        t.setDaemon(true);
        return t;
    });
    /** Segments smaller than this are counted in one piece. */
    private static final int MIN_RANGE = 1 << 16;

    private final IndexReader reader;
    /** Each dimension's columns, one per segment (null where the segment has no value), built on first use. */
    private final Map<String, FacetColumn[]> columns = new ConcurrentHashMap<>();
    /**
     * Counts over every document, per dimension and top: a pure function of the reader, so a
     * long-lived reader (daxray serve) counts them once, however often a query matches everything.
     */
    private final Map<String, List<SearchResult.Count>> everything = new ConcurrentHashMap<>();

    private final int pieces;
    private final int minRange;

    FacetCounter(IndexReader reader) {
        this(reader, CORES, MIN_RANGE);
    }

    /** Segments are cut into up to {@code pieces} doc ranges of at least {@code minRange} documents. */
    FacetCounter(IndexReader reader, int pieces, int minRange) {
        this.reader = reader;
        this.pieces = pieces;
        this.minRange = minRange;
    }

    /**
     * The {@code top} most frequent values of each dimension, most frequent first (then by value),
     * over {@code matches}, or over every live document when {@code matches} is null.
     */
    Map<String, List<SearchResult.Count>> count(List<String> dims, FacetsCollector matches, int top) throws IOException {
        Map<String, List<SearchResult.Count>> out = new LinkedHashMap<>();
        List<String> toCount = new ArrayList<>();
        for (String dim : dims) {
            List<SearchResult.Count> known = matches == null ? everything.get(dim + "/" + top) : null;
            if (known != null) {
                out.put(dim, known);
            } else {
                toCount.add(dim);
                out.put(dim, List.of());
            }
        }
        if (!toCount.isEmpty()) {
            List<Map<String, Long>> counted = countAll(toCount, matches);
            for (int d = 0; d < toCount.size(); d++) {
                List<SearchResult.Count> topValues = top(counted.get(d), top);
                out.put(toCount.get(d), topValues);
                if (matches == null) {
                    everything.putIfAbsent(toCount.get(d) + "/" + top, topValues);
                }
            }
        }
        return out;
    }

    /** Each dimension's value counts over the matches (or every live document). */
    private List<Map<String, Long>> countAll(List<String> dims, FacetsCollector matches) throws IOException {
        FacetColumn[][] byDim = new FacetColumn[dims.size()][];
        for (int d = 0; d < dims.size(); d++) {
            byDim[d] = columns(dims.get(d));
        }
        List<Map<String, Long>> totals = new ArrayList<>();
        dims.forEach(d -> totals.add(new HashMap<>()));
        for (LeafReaderContext leaf : reader.leaves()) {
            FacetColumn[] segment = new FacetColumn[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                segment[d] = byDim[d][leaf.ord];
            }
            DocIdSet docs = matches == null ? null : matching(matches, leaf);
            if (matches != null && docs == null) {
                continue;
            }
            int[][] counts = countSegment(leaf, segment, docs);
            for (int d = 0; d < segment.length; d++) {
                if (segment[d] != null) {
                    fold(segment[d], counts[d], totals.get(d));
                }
            }
        }
        return totals;
    }

    private static DocIdSet matching(FacetsCollector matches, LeafReaderContext leaf) {
        for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
            if (docs.context.ord == leaf.ord && docs.totalHits > 0) {
                return docs.bits;
            }
        }
        return null;
    }

    /** One segment's counts per dimension and ordinal; {@code docs} null means every live document. */
    private int[][] countSegment(LeafReaderContext leaf, FacetColumn[] columns, DocIdSet docs) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        int pieces = Math.max(1, Math.min(this.pieces, maxDoc / minRange));
        List<CompletableFuture<int[][]>> counting = new ArrayList<>();
        for (int p = 0; p < pieces; p++) {
            int from = (int) ((long) maxDoc * p / pieces);
            int to = (int) ((long) maxDoc * (p + 1) / pieces);
            counting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return countRange(leaf, columns, docs, from, to);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, POOL));
        }
        int[][] sum = null;
        for (CompletableFuture<int[][]> piece : counting) {
            int[][] counts = join(piece);
            if (sum == null) {
                sum = counts;
            } else {
                for (int d = 0; d < sum.length; d++) {
                    for (int ord = 0; ord < sum[d].length; ord++) {
                        sum[d][ord] += counts[d][ord];
                    }
                }
            }
        }
        return sum;
    }

    private static int[][] countRange(LeafReaderContext leaf, FacetColumn[] columns, DocIdSet docs, int from, int to)
            throws IOException {
        int[][] counts = new int[columns.length][];
        for (int d = 0; d < columns.length; d++) {
            counts[d] = new int[columns[d] == null ? 0 : columns[d].valueCount()];
        }
        if (docs == null) {
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = from; doc < to; doc++) {
                if (live == null || live.get(doc)) {
                    countDoc(columns, counts, doc);
                }
            }
            return counts;
        }
        DocIdSetIterator it = docs.iterator();
        if (it == null || from >= to) {
            return counts;
        }
        for (int doc = it.advance(from); doc < to; doc = it.nextDoc()) {
            countDoc(columns, counts, doc);
        }
        return counts;
    }

    private static void countDoc(FacetColumn[] columns, int[][] counts, int doc) {
        for (int d = 0; d < columns.length; d++) {
            if (columns[d] != null) {
                columns[d].count(doc, counts[d]);
            }
        }
    }

    private static int[][] join(CompletableFuture<int[][]> piece) throws IOException {
        try {
            return piece.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static void fold(FacetColumn column, int[] counts, Map<String, Long> byValue) {
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
                byValue.merge(column.value(ord), (long) counts[ord], Long::sum);
            }
        }
    }

    /** The {@code top} values by count, then value, without sorting them all (a dimension can have 100k hosts). */
    private static List<SearchResult.Count> top(Map<String, Long> counts, int top) {
        Comparator<SearchResult.Count> order = Comparator.comparingLong(SearchResult.Count::count).reversed()
                .thenComparing(SearchResult.Count::value);
        PriorityQueue<SearchResult.Count> best = new PriorityQueue<>(order.reversed());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            SearchResult.Count c = new SearchResult.Count(e.getKey(), e.getValue());
            if (best.size() < top) {
                best.add(c);
            } else if (order.compare(c, best.peek()) < 0) {
                best.poll();
                best.add(c);
            }
        }
        List<SearchResult.Count> out = new ArrayList<>(best);
        out.sort(order);
        return List.copyOf(out);
    }

    /** The dimension's column in each segment, by the segment's ordinal in the reader. */
    private FacetColumn[] columns(String dim) throws IOException {
        FacetColumn[] known = columns.get(dim);
        if (known != null) {
            return known;
        }
        String field = IncidentFields.facetField(dim);
        List<LeafReaderContext> leaves = reader.leaves();
        FacetColumn[] built = new FacetColumn[leaves.size()];
        for (LeafReaderContext leaf : leaves) {
            built[leaf.ord] = FacetColumn.read(leaf.reader(), field);
        }
        columns.putIfAbsent(dim, built);
        return columns.get(dim);
    }
}
