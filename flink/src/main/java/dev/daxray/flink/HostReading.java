package dev.daxray.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;

import dev.daxray.fleet.BundleReader;
import dev.daxray.fleet.HostBundle;
import dev.daxray.fleet.HostResult;
import dev.daxray.fleet.HostTriage;
import dev.daxray.index.IncidentIndex;
import dev.daxray.rules.RuleLoader;

/**
 * Reads one split with the engine-free core. A local bundle is read where it lies; one on another
 * Flink file system is first copied to local disk (hidden entries but {@code .daxrayignore} left
 * out, modification times kept), read as a local one is, and deleted, so one slot holds one bundle's bytes at a time; its source is its URI.
 */
final class HostReading implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String[]> rules;
    private final Set<String> knownKeys;
    private final String stagingDir;
    private transient HostTriage.Settings settings;

    HostReading(List<String[]> rules, Set<String> knownKeys, String stagingDir) {
        this.rules = rules;
        this.knownKeys = knownKeys;
        this.stagingDir = stagingDir;
    }

    HostRead read(BundleSplit split) {
        if (settings == null) {
            settings = HostTriage.Settings.of(rules.stream().map(r -> new RuleLoader.RuleText(r[0], r[1])).toList(),
                    IncidentIndex.FORMAT);
        }
        if (split.local()) {
            return read(new HostBundle(split.name(), Path.of(split.location()), split.bytes()));
        }
        Path staged = null;
        try {
            staged = Files.createDirectories(Path.of(stagingDir, UUID.randomUUID().toString()));
            org.apache.flink.core.fs.Path remote = new org.apache.flink.core.fs.Path(split.location());
            Path local = staged.resolve(remote.getName());
            copy(remote.getFileSystem(), remote, local);
            return read(new HostBundle(split.name(), local, split.bytes(), split.location()));
        } catch (IOException | UncheckedIOException e) {
            return new HostRead(split.name(), BundleReader.Status.FAILED.name(), 0, 0,
                    List.of(split.location() + ": cannot copy from its file system: " + e.getMessage()), null);
        } finally {
            delete(staged);
        }
    }

    private HostRead read(HostBundle bundle) {
        BundleReader.Outcome outcome = HostTriage.read(bundle, settings, knownKeys::contains, n -> { });
        String result = outcome.status() == BundleReader.Status.INDEXED ? HostResult.of(outcome).toJsonLine() : null;
        return new HostRead(bundle.name(), outcome.status().name(), bundle.bytes(), outcome.incidents().size(),
                outcome.problems(), result);
    }

    private static void copy(FileSystem fs, org.apache.flink.core.fs.Path from, Path to) throws IOException {
        FileStatus status = fs.getFileStatus(from);
        if (status.isDir()) {
            Files.createDirectories(to);
            for (FileStatus child : fs.listStatus(from)) {
                String name = child.getPath().getName();
                if (!name.startsWith(".") || name.equals(dev.daxray.capture.Inputs.IGNORE_FILE)) {
                    copy(fs, child.getPath(), to.resolve(child.getPath().getName()));
                }
            }
        } else {
            try (InputStream in = fs.open(from)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.setLastModifiedTime(to, FileTime.fromMillis(status.getModificationTime()));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover staging copy is only disk space
        }
    }
}
