package dev.daxray.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Counts the values of facet dimensions over one opened reader: each dimension has its own
 * doc-values field, decoded once per reader into {@link FacetColumn}s on first use; dimensions are
 * counted side by side, one per core.
 */
final class FacetCounter {

    /** Daemon threads: a search never keeps the JVM alive. */
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "daxray-facets");
                t.setDaemon(true);
                return t;
            });

    private final IndexReader reader;
    /** Each dimension's columns, one per segment (null where the segment has no value), built on first use. */
    private final Map<String, FacetColumn[]> columns = new ConcurrentHashMap<>();
    /**
     * Counts over every document, per dimension and top: a pure function of the reader, so a
     * long-lived reader (daxray serve) counts them once, however often a query matches everything.
     */
    private final Map<String, List<SearchResult.Count>> everything = new ConcurrentHashMap<>();

    FacetCounter(IndexReader reader) {
        this.reader = reader;
    }

    /**
     * The {@code top} most frequent values of each dimension, most frequent first (then by value),
     * over {@code matches}, or over every live document when {@code matches} is null.
     */
    Map<String, List<SearchResult.Count>> count(List<String> dims, FacetsCollector matches, int top) throws IOException {
        List<CompletableFuture<List<SearchResult.Count>>> counting = new ArrayList<>();
        for (String dim : dims) {
            counting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return countOne(dim, matches, top);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, POOL));
        }
        Map<String, List<SearchResult.Count>> out = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            try {
                out.put(dims.get(i), counting.get(i).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }
        return out;
    }

    private List<SearchResult.Count> countOne(String dim, FacetsCollector matches, int top) throws IOException {
        if (matches == null) {
            String key = dim + "/" + top;
            List<SearchResult.Count> known = everything.get(key);
            if (known == null) {
                known = List.copyOf(countMatches(dim, null, top));
                everything.putIfAbsent(key, known);
            }
            return known;
        }
        return countMatches(dim, matches, top);
    }

    private List<SearchResult.Count> countMatches(String dim, FacetsCollector matches, int top) throws IOException {
        FacetColumn[] segments = columns(dim);
        Map<String, Long> byValue = new HashMap<>();
        if (matches == null) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FacetColumn column = segments[leaf.ord];
                if (column != null) {
                    fold(column, countLive(column, leaf), byValue);
                }
            }
        } else {
            for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
                FacetColumn column = segments[docs.context.ord];
                if (column != null && docs.totalHits > 0) {
                    fold(column, countMatching(column, docs), byValue);
                }
            }
        }
        return byValue.entrySet().stream()
                .map(e -> new SearchResult.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value))
                .limit(top)
                .toList();
    }

    private static int[] countLive(FacetColumn column, LeafReaderContext leaf) {
        int[] counts = new int[column.valueCount()];
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0, max = leaf.reader().maxDoc(); doc < max; doc++) {
            if (live == null || live.get(doc)) {
                column.count(doc, counts);
            }
        }
        return counts;
    }

    private static int[] countMatching(FacetColumn column, FacetsCollector.MatchingDocs docs) throws IOException {
        int[] counts = new int[column.valueCount()];
        DocIdSetIterator it = docs.bits.iterator();
        if (it != null) {
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                column.count(doc, counts);
            }
        }
        return counts;
    }

    private static void fold(FacetColumn column, int[] counts, Map<String, Long> byValue) {
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
                byValue.merge(column.value(ord), (long) counts[ord], Long::sum);
            }
        }
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
