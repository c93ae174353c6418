package dev.daxray.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.Field;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The decoded facet columns count exactly what Lucene's own sorted-set facet counting counts, on
 * an index with several segments, deleted documents, documents without a value and multi-valued
 * dimensions, over every document and over a query's matches.
 */
class FacetCounterTest {

    private static final List<String> DIMS = List.of(IncidentFields.KIND, IncidentFields.HOST, IncidentFields.LABELS,
            IncidentFields.DEVICE, IncidentFields.BIOS);

    @Test
    void countsWhatLuceneCounts() throws IOException {
        FacetsConfig config = IncidentFields.facetsConfig();
        Random random = new Random(42);
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(700))) {
                for (int i = 0; i < 5_000; i++) {
                    writer.addDocument(config.build(document(i, random)));
                    if (i % 1_300 == 0) {
                        writer.commit();        // more segments
                    }
                }
                for (int i = 0; i < 5_000; i += 7) {
                    writer.deleteDocuments(new Term(IncidentFields.ID, "i" + i));
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertFalse(reader.leaves().size() < 3, "the test needs several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                // whole segments, and segments cut into three doc ranges counted side by side
                for (FacetCounter counter : List.of(new FacetCounter(reader), new FacetCounter(reader, 3, 100))) {
                    for (int top : new int[] {3, 50}) {
                        assertEquals(lucene(searcher, config, new MatchAllDocsQuery(), top), counter.count(DIMS, null, top));
                        Query some = KeywordField.newExactQuery("parity", "even");
                        FacetsCollector matches = searcher.search(some, new FacetsCollectorManager());
                        assertEquals(lucene(searcher, config, some, top), counter.count(DIMS, matches, top));
                    }
                }
            }
        }
    }

    private static Document document(int i, Random random) {
        Document doc = new Document();
        doc.add(new KeywordField(IncidentFields.ID, "i" + i, Field.Store.NO));
        doc.add(new KeywordField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(IncidentFields.KIND, "kind-" + random.nextInt(6)));
        doc.add(new SortedSetDocValuesFacetField(IncidentFields.HOST, "host-" + random.nextInt(400)));
        int labels = random.nextInt(4);
        for (int l = 0; l < labels; l++) {
            doc.add(new SortedSetDocValuesFacetField(IncidentFields.LABELS, "label-" + (l * 3 + random.nextInt(3))));
        }
        if (random.nextBoolean()) {
            doc.add(new SortedSetDocValuesFacetField(IncidentFields.DEVICE, "pmem" + random.nextInt(4)));
        }
        if (i % 3 == 0) {
            doc.add(new SortedSetDocValuesFacetField(IncidentFields.BIOS, "bios-" + random.nextInt(2)));
        }
        return doc;
    }

    /** Lucene's counts in the counter's order: most frequent first, then by value. */
    private static Map<String, List<SearchResult.Count>> lucene(IndexSearcher searcher, FacetsConfig config, Query query,
                                                                int top) throws IOException {
        FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
        Map<String, List<SearchResult.Count>> out = new java.util.LinkedHashMap<>();
        for (String dim : DIMS) {
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(
                    new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), IncidentFields.facetField(dim), config),
                    matches);
            FacetResult all = counts.getAllChildren(dim);
            List<SearchResult.Count> list = new ArrayList<>();
            for (LabelAndValue lv : all.labelValues) {
                list.add(new SearchResult.Count(lv.label, lv.value.longValue()));
            }
            list.sort(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value));
            out.put(dim, list.subList(0, Math.min(top, list.size())));
        }
        return out;
    }
}
