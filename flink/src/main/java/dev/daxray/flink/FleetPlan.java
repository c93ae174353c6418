package dev.daxray.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import dev.daxray.capture.Inputs;
import dev.daxray.fleet.BundleRecord;
import dev.daxray.fleet.FleetScanner;
import dev.daxray.fleet.HostBundle;
import dev.daxray.index.IncidentIndex;

/**
 * What a run will read, worked out on the client before the job starts: the host bundles of the
 * fleet roots and manifests, in fleet order (name, then place, as {@code daxray batch}), and the
 * content keys the outputs already have (the index's bundle records and the journals of an
 * earlier, unfinished run), whose bundles are skipped as unchanged.
 *
 * <p>Local roots are scanned as {@code batch} scans them ({@link FleetScanner}: hidden entries
 * and {@code .daxrayignore} skipped). A root or manifest line with a scheme other than
 * {@code file} is listed through its Flink file system, with the same skip rules. A manifest holds
 * one bundle path or URI a line; blank lines and {@code #} comments are skipped.
 */
public record FleetPlan(List<BundleSplit> splits, List<String> problems, Set<String> knownKeys) {

    public FleetPlan {
        splits = List.copyOf(splits);
        problems = List.copyOf(problems);
        knownKeys = Set.copyOf(knownKeys);
    }

    public static FleetPlan of(List<String> roots, List<String> manifests, Outputs outputs) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, BundleSplit> byPlace = new LinkedHashMap<>();
        java.nio.file.Path index = outputs.index() == null ? null : java.nio.file.Path.of(outputs.index());
        List<java.nio.file.Path> localRoots = new ArrayList<>();
        for (String root : roots) {
            if (isLocal(root)) {
                localRoots.add(local(root));
            } else {
                remoteRoot(new Path(root), byPlace, problems);
            }
        }
        FleetScanner.Scan scan = FleetScanner.scan(localRoots, index);
        problems.addAll(scan.problems());
        scan.bundles().forEach(b -> add(byPlace, localSplit(b)));
        for (String manifest : manifests) {
            for (String line : lines(new Path(manifest), problems)) {
                if (!isLocal(line)) {
                    remoteBundle(new Path(line), byPlace, problems);
                    continue;
                }
                java.nio.file.Path path = local(line);
                if (!Files.exists(path)) {
                    problems.add(manifest + ": " + line + ": no such file or directory");
                } else {
                    if (Files.isDirectory(path)) {
                        add(byPlace, localSplit(new HostBundle(path.getFileName().toString(), path, bytes(path))));
                    } else {
                        FleetScanner.scan(List.of(path), index).bundles().forEach(b -> add(byPlace, localSplit(b)));
                    }
                }
            }
        }
        List<BundleSplit> ordered = new ArrayList<>(byPlace.values());
        ordered.sort(Comparator.comparing(BundleSplit::name).thenComparing(BundleSplit::location));
        List<BundleSplit> splits = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            BundleSplit s = ordered.get(i);
            splits.add(new BundleSplit(i, s.name(), s.location(), s.local(), s.bytes()));
        }
        Set<String> known = new TreeSet<>(Journals.read(new Path(outputs.work())).keys());
        if (index != null && IndexState.exists(index)) {
            try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
                idx.bundles().stream().map(BundleRecord::key).forEach(known::add);
            }
        }
        return new FleetPlan(splits, problems, known);
    }

    static boolean isLocal(String location) {
        URI uri = URI.create(location.replace(" ", "%20"));
        return uri.getScheme() == null || uri.getScheme().equals("file") || uri.getScheme().length() == 1;
    }

    private static java.nio.file.Path local(String location) {
        return location.startsWith("file:") ? java.nio.file.Path.of(URI.create(location)) : java.nio.file.Path.of(location);
    }

    private static BundleSplit localSplit(HostBundle b) {
        return new BundleSplit(0, b.name(), b.path().toString(), true, b.bytes());
    }

    private static void add(Map<String, BundleSplit> byPlace, BundleSplit split) {
        String place = split.local() ? HostBundle.sourceOf(java.nio.file.Path.of(split.location())) : split.location();
        byPlace.putIfAbsent(place, split);
    }

    /** The status of {@code path}, or null with a problem when it is not there. */
    private static FileStatus status(Path path, List<String> problems) throws IOException {
        FileSystem fs = path.getFileSystem();
        if (!fs.exists(path)) {
            problems.add(path + ": no such file or directory");
            return null;
        }
        return fs.getFileStatus(path);
    }

    private static void remoteRoot(Path root, Map<String, BundleSplit> byPlace, List<String> problems) throws IOException {
        FileSystem fs = root.getFileSystem();
        FileStatus status = status(root, problems);
        if (status == null) {
            return;
        }
        if (!status.isDir()) {
            remoteBundle(root, byPlace, problems);
            return;
        }
        java.util.function.BiPredicate<String, Boolean> skip = ignoreRules(fs, root, problems);
        for (FileStatus child : fs.listStatus(root)) {
            if (!skip.test(child.getPath().getName(), child.isDir())) {
                remoteBundle(child.getPath(), byPlace, problems);
            }
        }
    }

    /** A remote root's skip rules, read from its {@code .daxrayignore} by the same code as a local root's. */
    private static java.util.function.BiPredicate<String, Boolean> ignoreRules(FileSystem fs, Path root, List<String> problems)
            throws IOException {
        java.nio.file.Path copy = Files.createTempDirectory("daxray-ignore");
        try {
            Path ignore = new Path(root, Inputs.IGNORE_FILE);
            if (fs.exists(ignore)) {
                try (java.io.InputStream in = fs.open(ignore)) {
                    Files.copy(in, copy.resolve(Inputs.IGNORE_FILE));
                }
            }
            return Inputs.ignoreRules(copy, problems);
        } finally {
            Files.deleteIfExists(copy.resolve(Inputs.IGNORE_FILE));
            Files.deleteIfExists(copy);
        }
    }

    private static void remoteBundle(Path bundle, Map<String, BundleSplit> byPlace, List<String> problems) throws IOException {
        FileSystem fs = bundle.getFileSystem();
        FileStatus status = status(bundle, problems);
        if (status == null) {
            return;
        }
        String name = status.isDir() ? bundle.getName() : HostBundle.hostName(bundle.getName());
        long bytes = remoteBytes(fs, status);
        add(byPlace, new BundleSplit(0, name, bundle.toUri().toString(), false, bytes));
    }

    private static long remoteBytes(FileSystem fs, FileStatus status) throws IOException {
        if (!status.isDir()) {
            return status.getLen();
        }
        long sum = 0;
        for (FileStatus child : fs.listStatus(status.getPath())) {
            sum += remoteBytes(fs, child);
        }
        return sum;
    }

    private static List<String> lines(Path manifest, List<String> problems) throws IOException {
        List<String> lines = new ArrayList<>();
        FileSystem fs = manifest.getFileSystem();
        if (status(manifest, problems) == null) {
            return lines;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(manifest), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    lines.add(t);
                }
            }
        }
        return lines;
    }

    private static long bytes(java.nio.file.Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Whether a local index directory holds a committed index yet. */
    static final class IndexState {
        private IndexState() {
        }

        static boolean exists(java.nio.file.Path index) {
            try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
