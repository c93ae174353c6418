package dev.daxray.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;

import dev.daxray.fleet.BundleRecord;
import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;

/**
 * Searches over one opened reader of the index: the user's query with its filters, the newest
 * hits, facet counts, fingerprint groups and the histogram of the matches. What depends only on
 * the reader (facet ordinal state, counts and histograms over every incident) is computed once
 * and kept for as long as this reader is open; a reopened index gets a new one.
 */
final class ReaderSearches {

    private final IndexReader reader;
    private FacetCounter facetCounter;
    /** Histograms of every incident by bar count (a page with no query asks often). */
    private final Map<Integer, TimeHistogram> everyIncident = new ConcurrentHashMap<>();

    ReaderSearches(IndexReader reader) {
        this.reader = reader;
    }

    /** The search, and with {@code buckets} > 0 the histogram of its matches. */
    SearchWithHistogram search(SearchRequest request, int buckets) throws IOException {
        request.checkFacets();
        Query user = LuceneQueries.of(IncidentQueryParser.parse(request.query(), request.now()));
        Query query = query(user, request);

        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setTimeout(new QueryTimeoutImpl(request.timeoutMillis()));
        long total;
        FacetsCollector matches = null;
        List<FleetIncident> hits;
        boolean everything;
        try {
            // A query that matches every incident (no filter, or a term all of them have) counts
            // facets from the counts kept for every incident: no counting of a million matches.
            // Otherwise, when facets or the histogram are wanted, one pass gathers the matches and
            // their number; the newest hits are a pass of their own, where the sort can skip
            // documents that cannot make the top (it cannot inside a collector that sees every match).
            boolean unfiltered = user instanceof MatchAllDocsQuery && request.since() == null && request.until() == null;
            if (!unfiltered && (!request.facets().isEmpty() || buckets > 0)) {
                matches = searcher.search(query, new FacetsCollectorManager());
                total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
                everything = total > 0 && total == searcher.count(IncidentFields.incidentsOnly());
            } else {
                total = searcher.count(query);
                everything = unfiltered;
            }
            hits = request.limit() == 0 || total == 0 ? List.of()
                    : read(searcher, searcher.search(query, request.limit(), newestFirst(), false).scoreDocs);
        } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            throw new QueryException(0, "query expands to too many terms (more than "
                    + IndexSearcher.getMaxClauseCount() + "); make its patterns more specific");
        }
        Map<String, List<SearchResult.Count>> facetCounts = new LinkedHashMap<>();
        if (!request.facets().isEmpty() && total > 0) {
            facetCounts.putAll(facetCounter().count(request.facets(), everything ? null : matches, 50));
        } else {
            request.facets().forEach(field -> facetCounts.put(field, List.of()));
        }
        List<SearchResult.FingerprintGroup> groups = List.of();
        if (request.groupBy()) {
            FingerprintGrouping grouping = new FingerprintGrouping();
            (matches != null ? TimeHistogram.Matches.of(matches) : TimeHistogram.Matches.of(searcher, query)).collect(grouping);
            groups = grouping.groups(Integer.MAX_VALUE);
        }
        TimeHistogram histogram = null;
        if (buckets > 0) {
            histogram = everything && request.since() == null && request.until() == null ? everyIncident(searcher, buckets)
                    : TimeHistogram.of(searcher, matches != null ? TimeHistogram.Matches.of(matches)
                    : TimeHistogram.Matches.of(searcher, query), request.since(), request.until(), buckets);
        }
        return new SearchWithHistogram(new SearchResult(total, hits, facetCounts, groups, searcher.timedOut()), histogram);
    }

    /** The histogram of every incident, computed once per opened reader. */
    private TimeHistogram everyIncident(IndexSearcher searcher, int buckets) throws IOException {
        TimeHistogram all = everyIncident.get(buckets);
        if (all == null) {
            all = TimeHistogram.of(searcher, TimeHistogram.Matches.of(searcher, IncidentFields.incidentsOnly()), null, null, buckets);
            if (!all.partial()) {
                everyIncident.putIfAbsent(buckets, all);
            }
        }
        return all;
    }

    /** The user's query with the request's filters: incidents only, within since/until. */
    private static Query query(Query user, SearchRequest request) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(user, BooleanClause.Occur.MUST)
                .add(IncidentFields.incidentsOnly(), BooleanClause.Occur.FILTER);
        if (request.since() != null || request.until() != null) {
            long from = request.since() == null ? Long.MIN_VALUE : request.since();
            long to = request.until() == null ? Long.MAX_VALUE : request.until() - 1;
            builder.add(LongField.newRangeQuery(IncidentFields.TIME, from, to), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private static Sort newestFirst() {
        SortedNumericSortField time = new SortedNumericSortField(IncidentFields.TIME, SortField.Type.LONG, true,
                SortedNumericSelector.Type.MAX);
        time.setMissingValue(Long.MIN_VALUE);
        return new Sort(time, KeywordField.newSortField(IncidentFields.ID, false, SortedSetSelector.Type.MIN));
    }

    private synchronized FacetCounter facetCounter() {
        if (facetCounter == null) {
            facetCounter = new FacetCounter(reader);
        }
        return facetCounter;
    }

    /** Every incident, by id. */
    List<FleetIncident> all() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        int n = Math.max(1, searcher.count(IncidentFields.incidentsOnly()));
        TopFieldDocs docs = searcher.search(IncidentFields.incidentsOnly(), n,
                new Sort(KeywordField.newSortField(IncidentFields.ID, false, SortedSetSelector.Type.MIN)));
        return read(searcher, docs.scoreDocs);
    }

    /** See {@link IncidentIndex#forEachSource}; {@code bundles} are the recorded bundles, in order. */
    void forEachSource(List<BundleRecord> bundles, int chunk, IncidentIndex.SourceVisitor visitor) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Sort byId = new Sort(KeywordField.newSortField(IncidentFields.ID, false, SortedSetSelector.Type.MIN));
        for (BundleRecord record : bundles) {
            if (record.source() == null) {
                continue;
            }
            Query query = new BooleanQuery.Builder().add(IncidentFields.incidentsOnly(), BooleanClause.Occur.FILTER)
                    .add(KeywordField.newExactQuery(IncidentFields.SOURCE, record.source()), BooleanClause.Occur.FILTER).build();
            int n = searcher.count(query);
            visitor.visit(record.source(), n == 0 ? List.of() : read(searcher, searcher.search(query, n, byId).scoreDocs));
        }
        Query sourceless = new BooleanQuery.Builder().add(IncidentFields.incidentsOnly(), BooleanClause.Occur.FILTER)
                .add(new FieldExistsQuery(IncidentFields.SOURCE), BooleanClause.Occur.MUST_NOT).build();
        ScoreDoc after = null;
        while (true) {
            TopDocs page = after == null ? searcher.search(sourceless, chunk, byId)
                    : searcher.searchAfter(after, sourceless, chunk, byId);
            if (page.scoreDocs.length == 0) {
                return;
            }
            visitor.visit(null, read(searcher, page.scoreDocs));
            after = page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    /** The incident with this id, or null. */
    FleetIncident get(String id) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query query = new BooleanQuery.Builder().add(IncidentFields.incidentsOnly(), BooleanClause.Occur.FILTER)
                .add(KeywordField.newExactQuery(IncidentFields.ID, id), BooleanClause.Occur.FILTER).build();
        List<FleetIncident> found = read(searcher, searcher.search(query, 1).scoreDocs);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The incidents of {@code hits}, from their stored JSON. */
    static List<FleetIncident> read(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<FleetIncident> out = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            Document doc = stored.document(hit.doc, Set.of(IncidentFields.JSON));
            out.add(FleetJson.read(doc.get(IncidentFields.JSON)));
        }
        return out;
    }
}
