package dev.daxray.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns command-line paths into inputs: files as given, directories walked recursively in name
 * order (so runs are repeatable), {@code -} for standard input.
 *
 * <p>In a directory, hidden entries are skipped, and so is anything matched by the glob patterns of
 * a {@code .daxrayignore} file in that directory (one pattern a line, {@code #} comments, a
 * trailing {@code /} matching directories only). Every skipped entry is listed, so nothing
 * vanishes silently. A FIFO, socket or device inside a directory is reported and never opened (a
 * FIFO would block the run); one named on the command line is read ({@code <(zcat log.gz)}).
 */
public final class Inputs {

    /** The name of the per-directory ignore file. */
    public static final String IGNORE_FILE = ".daxrayignore";

    /** What a list of paths expanded to. */
    public record Expansion(List<CaptureInput> inputs, List<String> problems, List<String> ignored) {
        public Expansion {
            inputs = List.copyOf(inputs);
            problems = List.copyOf(problems);
            ignored = List.copyOf(ignored);
        }
    }

    private Inputs() {
    }

    public static Expansion expand(List<String> paths, InputStream stdin) {
        List<CaptureInput> inputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String arg : paths) {
            if (arg.equals("-")) {
                inputs.add(new CaptureInput("-", () -> stdin));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                walk(path, new HashSet<>(), inputs, problems, ignored);
            } else if (Files.exists(path)) {
                inputs.add(fileInput(path));
            } else {
                problems.add(arg + ": no such file or directory");
            }
        }
        return new Expansion(inputs, problems, ignored);
    }

    /**
     * The inputs of one directory as a self-contained bundle (a fleet host): like {@link #expand},
     * but a symbolic link to a directory outside {@code dir} is reported and not followed, so a
     * link to a parent cannot pull other hosts' files in.
     */
    public static Expansion expandBundle(Path dir) {
        List<CaptureInput> inputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            problems.add(dir + ": " + reason(e));
            return new Expansion(inputs, problems, ignored);
        }
        walk(dir, new HashSet<>(), inputs, problems, ignored, root);
        return new Expansion(inputs, problems, ignored);
    }

    /**
     * The names in {@code dir} to skip: hidden ones and those its {@code .daxrayignore} matches
     * (problems reading that file go to {@code problems}).
     */
    public static java.util.function.BiPredicate<String, Boolean> ignoreRules(Path dir, List<String> problems) {
        List<PathMatcher> ignores = ignorePatterns(dir, problems);
        return (name, isDir) -> name.startsWith(".") || ignoredBy(ignores, Path.of(name), isDir);
    }

    private static CaptureInput fileInput(Path path) {
        return new CaptureInput(path.toString(), () -> Files.newInputStream(path));
    }

    private static void walk(Path dir, Set<Path> visiting, List<CaptureInput> inputs, List<String> problems,
                             List<String> ignored) {
        walk(dir, visiting, inputs, problems, ignored, null);
    }

    private static void walk(Path dir, Set<Path> visiting, List<CaptureInput> inputs, List<String> problems,
                             List<String> ignored, Path confine) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            problems.add(dir + ": " + reason(e));
            return;
        }
        if (!visiting.add(real)) {
            problems.add(dir + ": directory loop (symbolic link back to " + real + "), not followed");
            return;
        }
        if (confine != null && !real.startsWith(confine)) {
            problems.add(dir + ": symbolic link out of the bundle (to " + real + "), not followed");
            visiting.remove(real);
            return;
        }
        List<PathMatcher> ignores = ignorePatterns(dir, problems);
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(dir + ": " + reason(e));
            visiting.remove(real);
            return;
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            boolean isDir = Files.isDirectory(entry);
            if (name.startsWith(".")) {
                if (!name.equals(IGNORE_FILE)) {
                    ignored.add(entry.toString());
                }
                continue;
            }
            if (ignoredBy(ignores, Path.of(name), isDir)) {
                ignored.add(entry.toString());
                continue;
            }
            if (isDir) {
                walk(entry, visiting, inputs, problems, ignored, confine);
            } else if (Files.isRegularFile(entry)) {
                Path target = confine != null && Files.isSymbolicLink(entry) ? realOrNull(entry) : null;
                if (target != null && !target.startsWith(confine)) {
                    problems.add(entry + ": symbolic link out of the bundle (to " + target + "), not followed");
                } else {
                    inputs.add(fileInput(entry));
                }
            } else if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS) || !Files.exists(entry)) {
                problems.add(entry + ": broken symbolic link");
            } else {
                problems.add(entry + ": " + special(entry) + ", not a regular file; not read");
            }
        }
        visiting.remove(real);
    }

    /**
     * What a file that is neither a regular file nor a directory is: "a FIFO", "a socket", "a
     * character device", "a block device", else "a special file". Reads its mode; never opens it.
     */
    public static String special(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static Path realOrNull(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean ignoredBy(List<PathMatcher> ignores, Path name, boolean isDir) {
        for (PathMatcher matcher : ignores) {
            if (matcher instanceof DirMatcher dirOnly ? isDir && dirOnly.matches(name) : matcher.matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** A pattern ending in {@code /}: matches directories only. */
    private record DirMatcher(PathMatcher glob) implements PathMatcher {
        @Override
        public boolean matches(Path path) {
            return glob.matches(path);
        }
    }

    private static List<PathMatcher> ignorePatterns(Path dir, List<String> problems) {
        Path file = dir.resolve(IGNORE_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<PathMatcher> matchers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                boolean dirOnly = pattern.endsWith("/");
                String glob = dirOnly ? pattern.substring(0, pattern.length() - 1) : pattern;
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                matchers.add(dirOnly ? new DirMatcher(matcher) : matcher);
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(file + ": " + reason(e));
        }
        return matchers;
    }

    /** A short, human reason for an I/O failure. */
    public static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "exists and is not a directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof UncheckedIOException u) {
            return reason(u.getCause());
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
