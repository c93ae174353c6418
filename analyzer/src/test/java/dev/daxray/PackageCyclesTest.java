package dev.daxray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Packages depend one way only: over the main sources of every module, no package reaches itself
 * through the {@code dev.daxray} types it names (imports and qualified names; comments and string
 * literals do not count).
 */
class PackageCyclesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.daxray(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern NOT_CODE = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'",
            Pattern.DOTALL);

    @Test
    void noPackageCycles() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, Set<String>> deps = new TreeMap<>();
        int files = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    files += read(main, deps);
                }
            }
        }
        assertTrue(files > 100, "read the main sources of every module (found " + files + " files under " + root + ")");
        List<List<String>> cycles = cycles(deps);
        assertEquals(List.of(), cycles, "package cycles");
    }

    private static int read(Path sources, Map<String, Set<String>> deps) throws IOException {
        List<Path> javaFiles;
        try (Stream<Path> walk = Files.walk(sources)) {
            javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : javaFiles) {
            String code = NOT_CODE.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
            Matcher pkg = PACKAGE.matcher(code);
            if (!pkg.find()) {
                continue;
            }
            Set<String> out = deps.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
            Matcher ref = REFERENCE.matcher(code);
            while (ref.find()) {
                if (!ref.group(1).equals(pkg.group(1))) {
                    out.add(ref.group(1));
                }
            }
        }
        return javaFiles.size();
    }

    /** The strongly connected components with more than one package (Tarjan). */
    private static List<List<String>> cycles(Map<String, Set<String>> deps) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> found = new ArrayList<>();
        for (String pkg : deps.keySet()) {
            if (!index.containsKey(pkg)) {
                connect(pkg, deps, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> deps, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<List<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : deps.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, deps, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                found.add(component);
            }
        }
    }
}
