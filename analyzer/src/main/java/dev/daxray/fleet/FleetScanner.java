package dev.daxray.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import dev.daxray.capture.Inputs;

/**
 * Finds the host bundles of fleet dumps: every directory and file directly under a fleet root is
 * one host (hidden entries and those the root's {@code .daxrayignore} names are skipped); a root
 * that is itself a file is one host. Bundles come out sorted by name, then path, so a batch
 * applies them in the same order every time.
 *
 * <p>Symbolic links are followed only to a target inside the fleet root, as {@link Inputs} follows
 * a host's links only inside the host: a link out (to a file or a directory) is reported and not
 * read, so a dump cannot make the batch read the collector's own files; name the target as a fleet
 * argument to read it. A FIFO, socket or device is reported and never opened.
 */
public final class FleetScanner {

    /** What the fleet roots hold. */
    public record Scan(List<HostBundle> bundles, List<String> problems, List<String> ignored) {
        public Scan {
            bundles = List.copyOf(bundles);
            problems = List.copyOf(problems);
            ignored = List.copyOf(ignored);
        }

        public long bytes() {
            return bundles.stream().mapToLong(HostBundle::bytes).sum();
        }
    }

    private FleetScanner() {
    }

    public static Scan scan(List<Path> roots) {
        return scan(roots, null);
    }

    /** As {@link #scan(List)}, leaving out {@code exclude} (the index, when it lies in a fleet root). */
    public static Scan scan(List<Path> roots, Path exclude) {
        List<HostBundle> bundles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                bundles.add(new HostBundle(HostBundle.hostName(root.getFileName().toString()), root, size(root)));
                continue;
            }
            if (!Files.isDirectory(root)) {
                problems.add(root + ": " + (Files.exists(root) ? Inputs.special(root) + ", not a regular file; not read"
                        : "no such file or directory"));
                continue;
            }
            Path realRoot;
            List<Path> entries;
            try (Stream<Path> list = Files.list(root)) {
                realRoot = root.toRealPath();
                entries = list.sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                problems.add(root + ": " + Inputs.reason(e));
                continue;
            }
            BiPredicate<String, Boolean> skip = Inputs.ignoreRules(root, problems);
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                boolean isDir = Files.isDirectory(entry);
                if (skip.test(name, isDir)) {
                    if (!name.equals(Inputs.IGNORE_FILE)) {
                        ignored.add(entry.toString());
                    }
                    continue;
                }
                if (!Files.exists(entry)) {
                    problems.add(entry + ": broken symbolic link");
                    continue;
                }
                if (!isDir && !Files.isRegularFile(entry)) {
                    problems.add(entry + ": " + Inputs.special(entry) + ", not a regular file; not read");
                    continue;
                }
                Path real;
                try {
                    real = entry.toRealPath();
                } catch (IOException e) {
                    problems.add(entry + ": " + Inputs.reason(e));
                    continue;
                }
                if (isDir && realRoot.startsWith(real)) {
                    problems.add(entry + ": symbolic link loop (to " + real + "), not followed");
                } else if (!real.startsWith(realRoot)) {
                    problems.add(entry + ": symbolic link out of the fleet (to " + real + "), not followed;"
                            + " name it as a FLEET argument to read it");
                } else {
                    bundles.add(new HostBundle(isDir ? name : HostBundle.hostName(name), entry, size(entry)));
                }
            }
        }
        // A root named twice gives its hosts once.
        String excluded = exclude == null ? null : HostBundle.sourceOf(exclude);
        Map<String, HostBundle> unique = new LinkedHashMap<>();
        for (HostBundle bundle : bundles) {
            if (bundle.source().equals(excluded)) {
                ignored.add(bundle.path() + " (the index)");
            } else {
                unique.putIfAbsent(bundle.source(), bundle);
            }
        }
        List<HostBundle> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparing(HostBundle::name).thenComparing(b -> b.path().toString()));
        return new Scan(sorted, problems, ignored);
    }

    /** Bytes on disk: the file, or the regular files under the directory (links not followed). */
    static long size(Path path) {
        if (Files.isRegularFile(path)) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return 0;
            }
        }
        try (Stream<Path> files = Files.walk(path, EnumSet.noneOf(FileVisitOption.class).toArray(new FileVisitOption[0]))) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
