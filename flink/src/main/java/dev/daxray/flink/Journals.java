package dev.daxray.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import dev.daxray.fleet.HostResult;

/**
 * The job's journals: each reading subtask appends one {@link HostResult} line per host it read
 * to its own file in the work directory ({@code journal-RUN-SUBTASK-ATTEMPT.ndjson}), synced
 * every few hosts. The commit step replays every journal there, in fleet order; journals outlive a
 * killed or failed job, so its hosts are not read again, and are deleted only once every output
 * has what they hold. A torn last line (a kill mid-write) is ignored: its host was not journaled
 * and is read again.
 */
final class Journals {

    static final String PREFIX = "journal-";
    static final String SUFFIX = ".ndjson";

    /** One host result in a journal: where its line is, and what orders and dedupes it. */
    record Entry(String bundle, String source, String key, Path file, long offset, int length) {
    }

    private final FileSystem fs;
    private final List<Path> files;
    private final List<Entry> entries;

    private Journals(FileSystem fs, List<Path> files, List<Entry> entries) {
        this.fs = fs;
        this.files = files;
        this.entries = entries;
    }

    static String fileName(long run, int subtask, int attempt) {
        return String.format("%s%015d-%05d-%03d%s", PREFIX, run, subtask, attempt, SUFFIX);
    }

    /**
     * Every complete host result in {@code work}'s journals, one per place (the latest run's when a
     * place was journaled twice), in fleet order: bundle name, then place.
     */
    static Journals read(Path work) throws IOException {
        FileSystem fs = work.getFileSystem();
        List<Path> files = new ArrayList<>();
        if (fs.exists(work)) {
            FileStatus[] listed = fs.listStatus(work);
            for (FileStatus status : listed == null ? new FileStatus[0] : listed) {
                String name = status.getPath().getName();
                if (!status.isDir() && name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    files.add(status.getPath());
                }
            }
        }
        files.sort(Comparator.comparing(Path::getName));      // by run, then subtask: later runs win below
        Map<String, Entry> byPlace = new LinkedHashMap<>();
        for (Path file : files) {
            try (FSDataInputStream in = fs.open(file)) {
                long offset = 0;
                for (byte[] line = line(in); line != null; line = line(in)) {
                    HostResult result = HostResult.fromJsonLine(new String(line, StandardCharsets.UTF_8));
                    String place = result.record().source() != null ? "source:" + result.record().source()
                            : "key:" + result.record().key();
                    byPlace.remove(place);
                    byPlace.put(place, new Entry(result.record().bundle(), result.record().source(), result.record().key(),
                            file, offset, line.length));
                    offset += line.length + 1;
                }
            }
        }
        List<Entry> entries = new ArrayList<>(byPlace.values());
        entries.sort(Comparator.comparing(Entry::bundle).thenComparing(e -> e.source() == null ? "" : e.source()));
        return new Journals(fs, files, entries);
    }

    /** The next complete line, or null at the end (a last line with no newline is torn, and dropped). */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
        return null;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The content keys journaled: those bundles need not be read again. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        entries.forEach(e -> keys.add(e.key()));
        return keys;
    }

    /** Reads entries in order, one file stream open per journal. */
    final class Reader implements AutoCloseable {
        private final Map<Path, FSDataInputStream> open = new HashMap<>();

        HostResult read(Entry entry) throws IOException {
            FSDataInputStream in = open.get(entry.file());
            if (in == null) {
                in = fs.open(entry.file());
                open.put(entry.file(), in);
            }
            in.seek(entry.offset());
            byte[] bytes = in.readNBytes(entry.length());
            return HostResult.fromJsonLine(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            for (FSDataInputStream in : open.values()) {
                in.close();
            }
        }
    }

    Reader reader() {
        return new Reader();
    }

    /** Deletes the journals read: every output has what they held. */
    void delete() throws IOException {
        for (Path file : files) {
            fs.delete(file, false);
        }
    }
}
