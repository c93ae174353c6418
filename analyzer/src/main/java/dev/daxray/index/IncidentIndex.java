package dev.daxray.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.rules.Severity;

/**
 * The fleet incident index: one Lucene document per incident (see {@link IncidentFields}) and one
 * record per host bundle read ({@link BundleRecord}).
 *
 * <p>Writing is upsert by id ({@code updateDocument(new Term("id", id), doc)}), so reading the same
 * or overlapping dumps again never duplicates. A bundle read again from the same place with other
 * content (captures added, or rules changed) replaces everything that place gave before, so no
 * stale incident outlives the content it came from; an incident two places share belongs to the
 * one read last. A bundle's incidents and its record are added together and only
 * {@link #commit()} makes them visible; Lucene commits are atomic, so an index
 * killed at any moment opens at its last commit, holding whole bundles only. Nothing is committed
 * on close: what was not committed is read again next time.
 *
 * <p>Reading opens the last commit. Searches are bounded by a time limit; facet state is built
 * once per opened reader.
 */
public final class IncidentIndex implements Closeable {

    /** The index layout version, kept in the commit's user data. */
    public static final String FORMAT = "1";

    private final Path path;
    private final Directory directory;
    /** Instances sharing {@link #directory} (one, or more after {@link #reopenIfChanged()}); the last closes it. */
    private final java.util.concurrent.atomic.AtomicInteger directoryUsers;
    private final IndexWriter writer;
    private final FacetsConfig facets = IncidentFields.facetsConfig();
    private final Set<String> bundleKeys = new HashSet<>();
    /** The content keys recorded for each source, to forget them when the source is read again. */
    private final Map<String, Set<String>> keysBySource = new HashMap<>();
    private DirectoryReader reader;
    private FacetCounter facetCounter;
    /** Histograms of every incident by bar count, for the opened reader (a page with no query asks often). */
    private final Map<Integer, TimeHistogram> everyIncident = new java.util.concurrent.ConcurrentHashMap<>();

    private IncidentIndex(Path path, Directory directory, IndexWriter writer) {
        this.path = path;
        this.directory = directory;
        this.directoryUsers = new java.util.concurrent.atomic.AtomicInteger(1);
        this.writer = writer;
    }

    private IncidentIndex(IncidentIndex older, DirectoryReader newer) {
        this.path = older.path;
        this.directory = older.directory;
        this.directoryUsers = older.directoryUsers;
        this.directoryUsers.incrementAndGet();
        this.writer = null;
        this.reader = newer;
    }

    /**
     * For an index opened for reading while another process writes it: the index at its newest
     * commit, sharing the segments that did not change with this one (near-real-time reopen), or
     * null when nothing was committed since this one was opened. Both stay usable; close each when
     * its searches are done.
     */
    public synchronized IncidentIndex reopenIfChanged() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("index opened for writing");
        }
        return reading(() -> {
            searcher();
            DirectoryReader newer = DirectoryReader.openIfChanged(reader);
            return newer == null ? null : new IncidentIndex(this, newer);
        });
    }

    /**
     * Opens (creating when missing) the index at {@code path} for writing and reading. Refused, with
     * a message that says why and what to do, when another process writes it ("in use by pid N")
     * or any segment fails its checksums (an {@link IndexUnavailableException}: appending to a damaged
     * index would bury the damage under new commits).
     */
    public static IncidentIndex openForWriting(Path path) throws IOException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new java.nio.file.FileSystemException(path.toString(), null, "exists and is not a directory");
        }
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(directory) && !onlyIndexFiles(directory.listAll())) {
            directory.close();
            throw new java.nio.file.FileSystemException(path.toString(), null,
                    "not empty and not an index; give a new or empty directory for the index");
        }
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(48);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            directory.close();
            throw new IndexUnavailableException(IndexWriterOwner.inUse(path), e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw IndexHealth.failure(path, e);
        }
        IncidentIndex index = new IncidentIndex(path, directory, writer);
        try {
            IndexWriterOwner.claim(path);
            index.verifyChecksums();
            index.loadBundleKeys();
        } catch (IOException | RuntimeException e) {
            index.close();
            throw IndexHealth.failure(path, e);
        }
        return index;
    }

    /** Verifies every segment's checksums (reads all of it): a writer never appends to a damaged index. */
    private void verifyChecksums() throws IOException {
        for (org.apache.lucene.index.LeafReaderContext leaf : searcher().getIndexReader().leaves()) {
            leaf.reader().checkIntegrity();
        }
    }

    /** Reads the index, naming the damage when reading fails on it (see {@link IndexHealth#failure}). */
    private <T> T reading(IndexRead<T> read) throws IOException {
        try {
            return read.run();
        } catch (QueryException | IllegalStateException | IndexSearcher.TooManyClauses e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw IndexHealth.failure(path, e);
        }
    }

    private interface IndexRead<T> {
        T run() throws IOException;
    }

    /**
     * True when every file is one Lucene writes: a batch killed before its first commit leaves a
     * lock and segment files but no index yet, and must be able to start again.
     */
    private static boolean onlyIndexFiles(String[] names) {
        for (String name : names) {
            if (!(name.equals("write.lock") || name.startsWith(IndexWriterOwner.FILE) || name.startsWith("_") || name.startsWith("segments")
                    || name.startsWith("pending_segments"))) {
                return false;
            }
        }
        return true;
    }

    /** Opens the last commit of the index at {@code path} for searching. */
    public static IncidentIndex openForReading(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString(), null, "no index here (build one with daxray batch --index "
                    + path + " FLEET)");
        }
        Directory directory = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(directory)) {
            directory.close();
            throw new java.nio.file.NoSuchFileException(path.toString(), null, "no index here (build one with daxray batch --index "
                    + path + " FLEET)");
        }
        return new IncidentIndex(path, directory, null);
    }

    private void loadBundleKeys() throws IOException {
        IndexSearcher searcher = searcher();
        Query bundles = KeywordField.newExactQuery(IncidentFields.TYPE, IncidentFields.BUNDLE_DOC);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(bundles, Math.max(1, searcher.count(bundles))).scoreDocs) {
            BundleRecord record = BundleRecord.fromJson(stored.document(hit.doc).get(IncidentFields.JSON));
            remember(record);
        }
    }

    // ---- writing

    /** True when a bundle with this content key is already in the index (committed or added). */
    public synchronized boolean hasBundle(String key) {
        return bundleKeys.contains(key);
    }

    private void remember(BundleRecord record) {
        bundleKeys.add(record.key());
        if (record.source() != null) {
            keysBySource.computeIfAbsent(record.source(), s -> new HashSet<>()).add(record.key());
        }
    }

    /**
     * Adds (upserts) a bundle's incidents and its record, first deleting whatever its source gave
     * before; visible after {@link #commit()}, together with the deletions.
     */
    public synchronized void add(BundleRecord record, List<FleetIncident> incidents) throws IOException {
        requireWriter();
        if (record.source() != null) {
            // Deletes apply to documents added before them only: the new ones below stay.
            writer.deleteDocuments(new Term(IncidentFields.SOURCE, record.source()));
            Set<String> old = keysBySource.remove(record.source());
            if (old != null) {
                bundleKeys.removeAll(old);
            }
        }
        for (FleetIncident incident : incidents) {
            Document doc = IncidentFields.incident(incident);
            if (record.source() != null) {
                doc.add(new KeywordField(IncidentFields.SOURCE, record.source(), Field.Store.NO));
            }
            upsert(incident, doc);
        }
        writer.updateDocument(new Term(IncidentFields.ID, "bundle:" + record.key()), IncidentFields.bundle(record));
        remember(record);
    }

    /** Upserts one incident; visible after {@link #commit()}. For generated benchmark indexes and tests. */
    public synchronized void add(FleetIncident incident) throws IOException {
        requireWriter();
        upsert(incident, IncidentFields.incident(incident));
    }

    private void upsert(FleetIncident incident, Document doc) throws IOException {
        writer.updateDocument(new Term(IncidentFields.ID, incident.id()), facets.build(doc));
    }

    /** Makes everything added so far durable and visible, atomically. */
    public synchronized void commit() throws IOException {
        requireWriter();
        writer.setLiveCommitData(Map.of("daxray.index.format", FORMAT).entrySet());
        writer.commit();
        invalidateReader();
    }

    /** Merges segments down to {@code segments} (after a large load, for faster searches). */
    public synchronized void forceMerge(int segments) throws IOException {
        requireWriter();
        writer.forceMerge(segments);
        commit();
    }

    private void requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("index opened for reading");
        }
    }

    private void invalidateReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
            facetCounter = null;
            everyIncident.clear();
        }
    }

    // ---- reading

    synchronized IndexSearcher searcher() throws IOException {
        if (reader == null) {
            reader = writer != null ? DirectoryReader.open(writer) : DirectoryReader.open(directory);
        }
        return new IndexSearcher(reader);
    }

    private static Query incidents() {
        return KeywordField.newExactQuery(IncidentFields.TYPE, IncidentFields.INCIDENT);
    }

    /** Incidents in the index. */
    public long incidentCount() throws IOException {
        return reading(() -> searcher().count(incidents()));
    }

    /** Every bundle record, by bundle name. */
    public List<BundleRecord> bundles() throws IOException {
        return reading(this::readBundles);
    }

    private List<BundleRecord> readBundles() throws IOException {
        IndexSearcher searcher = searcher();
        Query query = KeywordField.newExactQuery(IncidentFields.TYPE, IncidentFields.BUNDLE_DOC);
        StoredFields stored = searcher.storedFields();
        List<BundleRecord> records = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.count(query))).scoreDocs) {
            records.add(BundleRecord.fromJson(stored.document(hit.doc).get(IncidentFields.JSON)));
        }
        records.sort(Comparator.comparing(BundleRecord::bundle).thenComparing(BundleRecord::key));
        return records;
    }

    /** Every incident, by id: for tests and exports. */
    public List<FleetIncident> all() throws IOException {
        return reading(this::readAll);
    }

    private List<FleetIncident> readAll() throws IOException {
        IndexSearcher searcher = searcher();
        int n = Math.max(1, searcher.count(incidents()));
        TopFieldDocs docs = searcher.search(incidents(), n,
                new Sort(KeywordField.newSortField(IncidentFields.ID, false, SortedSetSelector.Type.MIN)));
        return read(searcher, docs.scoreDocs);
    }

    /** Hears the incidents of one place at a time ({@link #forEachSource}). */
    public interface SourceVisitor {
        /** {@code source} is null for incidents indexed without one. */
        void visit(String source, List<FleetIncident> incidents) throws IOException;
    }

    /**
     * Every incident, by the place it was read from: each recorded bundle's source with all its
     * incidents, in bundle order, then incidents indexed without a source in chunks of
     * {@code chunk}, by id. Memory holds one source's incidents at a time. For exports.
     */
    public void forEachSource(int chunk, SourceVisitor visitor) throws IOException {
        IndexSearcher searcher = searcher();
        Sort byId = new Sort(KeywordField.newSortField(IncidentFields.ID, false, SortedSetSelector.Type.MIN));
        for (BundleRecord record : bundles()) {
            if (record.source() == null) {
                continue;
            }
            Query query = new BooleanQuery.Builder().add(incidents(), BooleanClause.Occur.FILTER)
                    .add(KeywordField.newExactQuery(IncidentFields.SOURCE, record.source()), BooleanClause.Occur.FILTER).build();
            int n = searcher.count(query);
            visitor.visit(record.source(), n == 0 ? List.of() : read(searcher, searcher.search(query, n, byId).scoreDocs));
        }
        Query sourceless = new BooleanQuery.Builder().add(incidents(), BooleanClause.Occur.FILTER)
                .add(new org.apache.lucene.search.FieldExistsQuery(IncidentFields.SOURCE), BooleanClause.Occur.MUST_NOT).build();
        ScoreDoc after = null;
        while (true) {
            org.apache.lucene.search.TopDocs page = after == null ? searcher.search(sourceless, chunk, byId)
                    : searcher.searchAfter(after, sourceless, chunk, byId);
            if (page.scoreDocs.length == 0) {
                return;
            }
            visitor.visit(null, read(searcher, page.scoreDocs));
            after = page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    private static List<FleetIncident> read(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<FleetIncident> out = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            Document doc = stored.document(hit.doc, Set.of(IncidentFields.JSON));
            out.add(FleetJson.read(doc.get(IncidentFields.JSON)));
        }
        return out;
    }

    /** The incident with this {@link FleetIncident#id() id}, or null. */
    public FleetIncident get(String id) throws IOException {
        return reading(() -> {
            IndexSearcher searcher = searcher();
            Query query = new BooleanQuery.Builder().add(incidents(), BooleanClause.Occur.FILTER)
                    .add(KeywordField.newExactQuery(IncidentFields.ID, id), BooleanClause.Occur.FILTER).build();
            List<FleetIncident> found = read(searcher, searcher.search(query, 1).scoreDocs);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /**
     * How the incidents a request matches spread over time: {@code buckets} or fewer bars of a round
     * width between the matches' first and last time (within the request's since/until when given).
     * A bad query is a {@link QueryException}.
     */
    public TimeHistogram histogram(SearchRequest request, int buckets) throws IOException {
        SearchRequest countOnly = new SearchRequest(request.query(), request.since(), request.until(), 0, List.of(), false,
                request.timeoutMillis(), request.now());
        return reading(() -> runSearch(countOnly, buckets)).histogram();
    }

    /**
     * A search and the histogram of its matches over time ({@link #histogram}) in one go: the
     * histogram reads the matches the facet counting gathered instead of running the query again.
     */
    public SearchWithHistogram searchWithHistogram(SearchRequest request, int buckets) throws IOException {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets " + buckets);
        }
        return reading(() -> runSearch(request, buckets));
    }

    /** Runs a search; a bad query is a {@link QueryException}. */
    public SearchResult search(SearchRequest request) throws IOException {
        return reading(() -> runSearch(request, 0)).result();
    }

    /** The search, and with {@code buckets} > 0 the histogram of its matches. */
    private SearchWithHistogram runSearch(SearchRequest request, int buckets) throws IOException {
        request.checkFacets();
        Query user = LuceneQueries.of(IncidentQueryParser.parse(request.query(), request.now()));
        Query query = query(user, request);

        IndexSearcher searcher = searcher();
        searcher.setTimeout(new QueryTimeoutImpl(request.timeoutMillis()));
        // Only incident documents have facet values, so counting every live document's values
        // counts the incidents'.
        long total;
        FacetsCollector matches = null;
        List<FleetIncident> hits;
        boolean everything;
        try {
            total = searcher.count(query);
            // A query that matches every incident (no filter, or a term all of them have) counts
            // facets straight from the doc values too: no collection of a million matches.
            boolean facets = !request.facets().isEmpty() && total > 0;
            everything = user instanceof MatchAllDocsQuery && request.since() == null && request.until() == null
                    || (facets || buckets > 0) && total > 0 && total == searcher.count(incidents());
            if (facets && !everything) {
                // The newest hits are a pass of their own, where the sort can skip documents that
                // cannot make the top (it cannot inside a collector that also sees every match).
                matches = searcher.search(query, new FacetsCollectorManager());
            }
            hits = request.limit() == 0 || total == 0 ? List.of()
                    : read(searcher, searcher.search(query, request.limit(), newestFirst(), false).scoreDocs);
        } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            throw new QueryException(0, "query expands to too many terms (more than "
                    + IndexSearcher.getMaxClauseCount() + "); make its patterns more specific");
        }
        Map<String, List<SearchResult.Count>> facetCounts = new LinkedHashMap<>();
        if (!request.facets().isEmpty() && total > 0) {
            facetCounts.putAll(facetCounter().count(request.facets(), matches, 50));
        } else {
            request.facets().forEach(field -> facetCounts.put(field, List.of()));
        }
        List<SearchResult.FingerprintGroup> groups = List.of();
        if (request.groupBy()) {
            FingerprintGrouping grouping = new FingerprintGrouping();
            searcher.search(query, grouping);
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
            all = TimeHistogram.of(searcher, TimeHistogram.Matches.of(searcher, incidents()), null, null, buckets);
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
                .add(incidents(), BooleanClause.Occur.FILTER);
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

    private synchronized FacetCounter facetCounter() throws IOException {
        searcher();
        if (facetCounter == null) {
            facetCounter = new FacetCounter(reader, facets);
        }
        return facetCounter;
    }

    /**
     * The fleet summary over every incident. It reads the whole index anyway, so it verifies the
     * checksums first: a summary of a damaged index would be silently short.
     */
    public FleetStats stats(int top) throws IOException {
        return reading(() -> {
            verifyChecksums();
            return tally(top);
        });
    }

    private FleetStats tally(int top) throws IOException {
        IndexSearcher searcher = searcher();
        FleetTally tally = new FleetTally();
        searcher.search(incidents(), tally);
        Map<String, List<String>> problems = new TreeMap<>();
        List<BundleRecord> bundles = readBundles();
        for (BundleRecord b : bundles) {
            if (!b.problems().isEmpty()) {
                problems.put(b.bundle(), b.problems());
            }
        }
        List<SearchResult.Count> bySeverity = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = tally.bySeverity.getOrDefault(s.label(), 0L);
            if (n > 0) {
                bySeverity.add(new SearchResult.Count(s.label(), n));
            }
        }
        return new FleetStats(tally.incidents, bundles.size(), tally.byHost.size(), sorted(tally.byKind, Integer.MAX_VALUE),
                bySeverity, sorted(tally.byKernel, Integer.MAX_VALUE), tally.grouping.groups(top),
                sorted(tally.byHost, top), tally.severityByDay, tally.kernelByDay, tally.untimed, problems);
    }

    private static List<SearchResult.Count> sorted(Map<String, Long> counts, int top) {
        return counts.entrySet().stream()
                .map(e -> new SearchResult.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value))
                .limit(top).toList();
    }

    // ---- repair (IndexHealth.fix)

    /** Incidents per source (bundle path), counted from the doc values. */
    Map<String, Long> incidentsBySource() throws IOException {
        return IndexHealth.countBySource(searcher(), incidents());
    }

    /** Deletes a bundle record, so the next batch reads that bundle again; visible after {@link #commit()}. */
    synchronized void forget(BundleRecord record) throws IOException {
        requireWriter();
        writer.deleteDocuments(new Term(IncidentFields.ID, "bundle:" + record.key()));
        bundleKeys.remove(record.key());
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            invalidateReader();
        } finally {
            try {
                if (writer != null) {
                    IndexWriterOwner.release(path);
                    writer.rollback();      // drops whatever was not committed; never a partial bundle
                }
            } finally {
                if (directoryUsers.decrementAndGet() == 0) {
                    directory.close();
                }
            }
        }
    }
}
