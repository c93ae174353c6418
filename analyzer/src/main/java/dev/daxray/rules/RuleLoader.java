package dev.daxray.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds rule files and turns them into a {@link RuleSet}: the shipped ones from the classpath
 * ({@code dev/daxray/rules/*.rules}, listed in {@code dev/daxray/rules/index.txt} because a jar
 * cannot be listed), and a user's from directories or files. Every file is parsed before binding,
 * so syntax errors of all files are reported together.
 */
public final class RuleLoader {

    /** Where shipped rules live on the classpath. */
    public static final String SHIPPED_DIR = "dev/daxray/rules/";

    /** A rule file's display name and text. */
    public record RuleText(String name, String text) {
    }

    private RuleLoader() {
    }

    /** The shipped rule files, or none when the rules module is not on the classpath. */
    public static List<RuleText> shipped() {
        ClassLoader loader = RuleLoader.class.getClassLoader();
        List<RuleText> texts = new ArrayList<>();
        try (InputStream index = loader.getResourceAsStream(SHIPPED_DIR + "index.txt")) {
            if (index == null) {
                return texts;
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(SHIPPED_DIR + name)) {
                    if (in == null) {
                        throw new IllegalStateException("index.txt lists missing rule file " + name);
                    }
                    texts.add(new RuleText("classpath:" + SHIPPED_DIR + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** {@code *.rules} files of a directory (recursively, in name order), or the file itself. */
    public static List<RuleText> read(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".rules") && Files.isRegularFile(p))
                        .sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<RuleText> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(new RuleText(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        return texts;
    }

    /** Parses every text, then binds them together; throws with all problems found. */
    public static RuleSet load(List<RuleText> texts) {
        return RuleBinder.bind(parseAll(texts));
    }

    public static List<Ast.RuleFile> parseAll(List<RuleText> texts) {
        RuleParser parser = new RuleParser(false);
        List<Ast.RuleFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (RuleText text : texts) {
            try {
                files.add(parser.parse(text.name(), text.text()));
            } catch (RuleException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleException(problems);
        }
        return files;
    }
}
