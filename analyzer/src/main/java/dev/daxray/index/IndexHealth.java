package dev.daxray.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NoLockFactory;

import dev.daxray.fleet.BundleRecord;
import dev.daxray.fleet.FleetJson;

/**
 * Checks an index with Lucene's {@link CheckIndex} and repairs it: {@link #check} names each
 * damaged segment, its files and what is wrong; {@link #fix} drops the damaged segments, says which
 * incidents went with them (those still readable), and removes the bundle records of the hosts
 * whose incidents are no longer all there, so the next batch reads those hosts again.
 */
public final class IndexHealth {

    /** A damaged segment: its name, documents (incidents and bundle records), files and the problem. */
    public record Segment(String name, int documents, List<String> files, String problem) {
        public Segment {
            files = List.copyOf(files);
        }
    }

    /**
     * What a check found: {@code damaged} segments; {@code commitProblem} when the commit point
     * itself cannot be read (then nothing can be fixed: rebuild).
     */
    public record Report(Path index, int segments, long documents, List<Segment> damaged, String commitProblem) {
        public Report {
            damaged = List.copyOf(damaged);
        }

        public boolean clean() {
            return damaged.isEmpty() && commitProblem == null;
        }

        /** One line: what is damaged and what to do. */
        public String describe() {
            if (commitProblem != null) {
                return "index " + index + " is damaged: its commit point cannot be read (" + commitProblem
                        + "); rebuild it (remove " + index + " and run daxray batch again)";
            }
            long lost = damaged.stream().mapToLong(Segment::documents).sum();
            return "index " + index + " is damaged: " + damaged.stream()
                    .map(s -> "segment " + s.name() + " (" + s.documents() + " documents): " + s.problem())
                    .collect(Collectors.joining("; ")) + " (" + damaged.size() + " of " + segments + " segments, " + lost
                    + " of " + documents + " documents); run 'daxray index check --fix " + index + "' to drop the damaged"
                    + " segments (their incidents are lost until the next batch reads their hosts again), or rebuild the index";
        }
    }

    /** What a fix did. */
    public record Fix(Report before, List<String> lostIncidents, int unreadable, List<String> hostsToRead) {
        public Fix {
            lostIncidents = List.copyOf(lostIncidents);
            hostsToRead = List.copyOf(hostsToRead);
        }
    }

    private static final java.util.regex.Pattern RESOURCE = java.util.regex.Pattern.compile("\\(resource=.*?path=\"([^\"]+)\".*$");

    private IndexHealth() {
    }

    /** Checks every segment of the last commit of {@code index} (reads all of it). */
    public static Report check(Path index) throws IOException {
        try (Directory directory = existing(index); CheckIndex checker = open(index, directory, false)) {
            return report(index, directory, checker.checkIndex());
        }
    }

    /** Drops the damaged segments of {@code index} and the records of the hosts they held incidents of. */
    public static Fix fix(Path index) throws IOException {
        Report before;
        List<String> lost = new ArrayList<>();
        int unreadable;
        try (Directory directory = existing(index); CheckIndex checker = open(index, directory, true)) {
            CheckIndex.Status status = checker.checkIndex();
            before = report(index, directory, status);
            if (before.clean()) {
                return new Fix(before, List.of(), 0, List.of());
            }
            if (before.commitProblem() != null) {
                throw new IndexUnavailableException(before.describe(), null);
            }
            unreadable = readable(directory, before, lost);
            checker.exorciseIndex(status);
        }
        List<String> hosts = new ArrayList<>();
        try (IncidentIndex repaired = IncidentIndex.openForWriting(index)) {
            Map<String, Long> present = repaired.incidentsBySource();
            for (BundleRecord record : repaired.bundles()) {
                if (record.source() != null && present.getOrDefault(record.source(), 0L) != record.incidents()) {
                    repaired.forget(record);
                    hosts.add(record.bundle());
                }
            }
            repaired.commit();
        }
        return new Fix(before, lost, unreadable, hosts);
    }

    /**
     * When {@code failure} (opening or reading {@code index}) came from damage, the damage, described;
     * empty when the index checks clean or cannot be checked now (another process writes it).
     */
    static Optional<IndexUnavailableException> damage(Path index, Throwable failure) {
        try {
            Report report = check(index);
            return report.clean() ? Optional.empty() : Optional.of(new IndexUnavailableException(report.describe(), failure));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What to throw for a failure to open or read the index at {@code path}: when Lucene's
     * CheckIndex finds damage, that damage named (segment, files, problem, what to do); else the
     * failure itself.
     */
    static IOException failure(Path path, Exception e) {
        if (e instanceof IndexUnavailableException damaged) {
            return damaged;
        }
        if (!suspect(e)) {
            return e instanceof IOException io ? io : rethrow((RuntimeException) e);
        }
        Optional<IndexUnavailableException> damage = damage(path, e);
        if (damage.isPresent()) {
            return damage.get();
        }
        if (e instanceof IOException io) {
            return io;
        }
        throw (RuntimeException) e;
    }

    /**
     * Whether a failure may come from damage, so that checking the index is worth it: Lucene's
     * corruption and format errors, a file cut short or missing, or an unexpected runtime failure
     * while decoding; not a full disk, a read-only file system or a permission.
     */
    private static boolean suspect(Throwable e) {
        Throwable t = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return t instanceof org.apache.lucene.index.CorruptIndexException
                || t instanceof org.apache.lucene.index.IndexFormatTooOldException
                || t instanceof org.apache.lucene.index.IndexFormatTooNewException
                || t instanceof java.io.EOFException || t instanceof java.nio.file.NoSuchFileException
                || t instanceof java.io.FileNotFoundException
                || t instanceof RuntimeException && !(t instanceof java.io.UncheckedIOException);
    }

    private static IOException rethrow(RuntimeException e) {
        throw e;
    }

    /** Documents of {@code query} per value of their {@code source} doc values (the bundle path they came from). */
    static Map<String, Long> countBySource(org.apache.lucene.search.IndexSearcher searcher,
                                           org.apache.lucene.search.Query query) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        searcher.search(query, new org.apache.lucene.search.SimpleCollector() {
            private org.apache.lucene.index.SortedSetDocValues sources;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                sources = org.apache.lucene.index.DocValues.getSortedSet(context.reader(), IncidentFields.SOURCE);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (sources.advanceExact(doc)) {
                    counts.merge(sources.lookupOrd(sources.nextOrd()).utf8ToString(), 1L, Long::sum);
                }
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return counts;
    }

    /** The index's directory; an error when there is no index at all (no commit point file). */
    private static Directory existing(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            throw new java.nio.file.NoSuchFileException(index.toString(), null, "no index here");
        }
        Directory directory = FSDirectory.open(index);
        if (!DirectoryReader.indexExists(directory)) {
            directory.close();
            throw new java.nio.file.NoSuchFileException(index.toString(), null, "no index here");
        }
        return directory;
    }

    /**
     * A checker holding the index's write lock (nobody writes while it reads), refused with who
     * writes it; on a read-only file system, where no lock can be taken and nobody can write, a
     * check only ({@code !repair}) goes ahead without one.
     */
    private static CheckIndex open(Path index, Directory directory, boolean repair) throws IOException {
        try {
            return new CheckIndex(directory);
        } catch (LockObtainFailedException e) {
            throw new IndexUnavailableException(IndexWriterOwner.inUse(index), e);
        } catch (java.nio.file.FileSystemException e) {
            if (repair || !readOnly(index)) {
                throw e;
            }
            return new CheckIndex(directory, NoLockFactory.INSTANCE.obtainLock(directory, IndexWriter.WRITE_LOCK_NAME));
        }
    }

    private static boolean readOnly(Path index) {
        try {
            return Files.getFileStore(index).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    private static Report report(Path index, Directory directory, CheckIndex.Status status) {
        if (status.missingSegments || status.toolOutOfDate) {
            return new Report(index, 0, 0, List.of(), status.missingSegments ? "no readable segments_N file"
                    : "written by a newer Lucene");
        }
        Map<String, List<String>> files = new HashMap<>();
        try {
            for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(directory)) {
                files.put(info.info.name, info.files().stream().sorted().toList());
            }
        } catch (IOException | RuntimeException e) {
            // The files of each segment are a courtesy; the check itself read the commit.
        }
        List<Segment> damaged = new ArrayList<>();
        long documents = 0;
        for (CheckIndex.Status.SegmentInfoStatus segment : status.segmentInfos) {
            documents += segment.maxDoc;
            String problem = problem(segment);
            if (problem != null) {
                damaged.add(new Segment(segment.name, segment.maxDoc, files.getOrDefault(segment.name, List.of()), problem));
            }
        }
        return new Report(index, status.numSegments, documents, damaged, null);
    }

    /** The most specific problem CheckIndex recorded for a segment, on one line; null when it is sound. */
    private static String problem(CheckIndex.Status.SegmentInfoStatus s) {
        if (s.error == null) {
            return null;
        }
        Throwable specific = s.error;
        for (Throwable t : new Throwable[] {s.liveDocStatus == null ? null : s.liveDocStatus.error,
                s.fieldInfoStatus == null ? null : s.fieldInfoStatus.error,
                s.fieldNormStatus == null ? null : s.fieldNormStatus.error,
                s.termIndexStatus == null ? null : s.termIndexStatus.error,
                s.storedFieldStatus == null ? null : s.storedFieldStatus.error,
                s.termVectorStatus == null ? null : s.termVectorStatus.error,
                s.docValuesStatus == null ? null : s.docValuesStatus.error,
                s.pointsStatus == null ? null : s.pointsStatus.error}) {
            if (t != null) {
                specific = t;
                break;
            }
        }
        while (specific.getCause() != null && specific.getCause() != specific
                && (specific.getMessage() == null || specific.getMessage().endsWith("test failed"))) {
            specific = specific.getCause();
        }
        String message = specific.getMessage() == null ? specific.getClass().getSimpleName() : specific.getMessage();
        // Lucene names the file inside nested input descriptions: keep just the file.
        java.util.regex.Matcher resource = RESOURCE.matcher(message);
        if (resource.find()) {
            message = message.substring(0, resource.start()).strip() + " in file " + Path.of(resource.group(1)).getFileName();
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    /**
     * The ids of the incidents in the damaged segments that can still be read (into {@code lost});
     * returns how many documents could not be read.
     */
    private static int readable(Directory directory, Report report, List<String> lost) {
        Set<String> names = report.damaged().stream().map(Segment::name).collect(Collectors.toCollection(LinkedHashSet::new));
        int total = report.damaged().stream().mapToInt(Segment::documents).sum();
        int read = 0;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                if (!(leaf.reader() instanceof SegmentReader segment) || !names.contains(segment.getSegmentName())) {
                    continue;
                }
                StoredFields stored = segment.storedFields();
                for (int doc = 0; doc < segment.maxDoc(); doc++) {
                    try {
                        String json = stored.document(doc).get(IncidentFields.JSON);
                        if (json != null && json.contains("\"fingerprint\"")) {
                            lost.add(FleetJson.read(json).id());
                        }
                        read++;
                    } catch (IOException | RuntimeException e) {
                        // unreadable: counted below
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The damaged segments cannot be opened at all: none of their documents can be named.
        }
        return total - read;
    }
}
