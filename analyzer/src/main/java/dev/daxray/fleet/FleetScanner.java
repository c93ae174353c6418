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
                problems.add(root + ": no such file or directory");
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
                if (isDir) {
                    try {
                        Path real = entry.toRealPath();
                        if (realRoot.startsWith(real)) {
                            problems.add(entry + ": symbolic link loop (to " + real + "), not followed");
                            continue;
                        }
                    } catch (IOException e) {
                        problems.add(entry + ": " + Inputs.reason(e));
                        continue;
                    }
                    bundles.add(new HostBundle(name, entry, size(entry)));
                } else if (Files.isRegularFile(entry)) {
                    bundles.add(new HostBundle(HostBundle.hostName(name), entry, size(entry)));
                } else if (!Files.exists(entry)) {
                    problems.add(entry + ": broken symbolic link");
                } else {
                    ignored.add(entry.toString());
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
