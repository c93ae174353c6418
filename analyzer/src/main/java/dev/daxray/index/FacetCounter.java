package dev.daxray.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * Counts the values of facet dimensions over one opened reader: each dimension has its own
 * doc-values field, so dimensions are counted side by side, one per core. The per-dimension
 * ordinal state is built once per reader, on first use.
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
    private final FacetsConfig config;
    private final Map<String, Optional<SortedSetDocValuesReaderState>> states = new ConcurrentHashMap<>();
    /**
     * Counts over every document, per dimension and top: a pure function of the reader, so a
     * long-lived reader (daxray serve) counts them once, however often a query matches everything.
     */
    private final Map<String, List<SearchResult.Count>> everything = new ConcurrentHashMap<>();

    FacetCounter(IndexReader reader, FacetsConfig config) {
        this.reader = reader;
        this.config = config;
    }

    /**
     * The {@code top} most frequent values of each dimension, most frequent first (then by value),
     * over {@code matches}, or over every document with a value when {@code matches} is null.
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
        Optional<SortedSetDocValuesReaderState> state = state(dim);
        if (state.isEmpty()) {
            return List.of();
        }
        SortedSetDocValuesFacetCounts counts = matches == null ? new SortedSetDocValuesFacetCounts(state.get())
                : new SortedSetDocValuesFacetCounts(state.get(), matches);
        FacetResult result;
        try {
            result = counts.getTopChildren(top, dim);
        } catch (IllegalArgumentException e) {
            return List.of();      // a dimension no document has
        }
        if (result == null) {
            return List.of();
        }
        List<SearchResult.Count> out = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            out.add(new SearchResult.Count(lv.label, lv.value.longValue()));
        }
        out.sort(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value));
        return out;
    }

    /** The ordinal state of a dimension; empty when no document has it. */
    private Optional<SortedSetDocValuesReaderState> state(String dim) throws IOException {
        Optional<SortedSetDocValuesReaderState> known = states.get(dim);
        if (known != null) {
            return known;
        }
        String field = IncidentFields.facetField(dim);
        boolean present = false;
        for (LeafReaderContext leaf : reader.leaves()) {
            present |= leaf.reader().getFieldInfos().fieldInfo(field) != null;
        }
        Optional<SortedSetDocValuesReaderState> state = present
                ? Optional.of(new DefaultSortedSetDocValuesReaderState(reader, field, config)) : Optional.empty();
        states.putIfAbsent(dim, state);
        return states.get(dim);
    }
}
