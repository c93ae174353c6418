package dev.daxray.families;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import dev.daxray.events.Event;

/**
 * The real captures under {@code ../shared/corpus/real}, for family tests. Tests that use them are
 * skipped (not failed) when the shared directory is absent, e.g. in a bare checkout.
 */
public final class RealCorpus {

    private RealCorpus() {
    }

    /** {@code <reactor root>/../shared}, or {@code ../../shared} relative to the module directory. */
    public static Path shared() {
        Path fromRoot = Paths.get(System.getProperty("daxray.root", "."), "..", "shared").normalize();
        return Files.isDirectory(fromRoot) ? fromRoot : Paths.get("..", "..", "shared").normalize();
    }

    /** The lines of one capture file, skipping the calling test when the corpus is not there. */
    public static List<String> lines(String caseDir, String file) {
        Path path = shared().resolve("corpus/real").resolve(caseDir).resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "real corpus not available: " + path);
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every line of one capture file read by {@code family}, as the prefilter would never offer it a
     * line without one of its keywords: each event's first line must carry one.
     */
    public static List<Event> read(Family family, String caseDir, String file) {
        List<Event> events = FamilyTester.read(family, lines(caseDir, file).toArray(String[]::new));
        for (Event event : events) {
            String text = event.origin().text();
            assertTrue(family.keywords().stream().anyMatch(text::contains),
                    family.name() + " accepted a line without any of its keywords: " + text);
        }
        return events;
    }
}
