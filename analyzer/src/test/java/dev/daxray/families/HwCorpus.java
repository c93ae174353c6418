package dev.daxray.families;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import dev.daxray.events.Event;

/**
 * The real captures under {@code ../shared/corpus/real} for family tests, and the keyword-contract
 * check. Tests that read the corpus are skipped when the shared directory is absent.
 */
public final class HwCorpus {

    private HwCorpus() {
    }

    /** {@code ../shared} from the reactor root ({@code daxray.root}), else from the module dir. */
    public static Path shared() {
        Path fromRoot = Path.of(System.getProperty("daxray.root", "."), "..", "shared").normalize();
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "..", "shared").normalize();
    }

    /** The lines of one capture file of case {@code prefix} (e.g. {@code 004}); skips the test if absent. */
    public static List<String> lines(String prefix, String file) {
        Path real = shared().resolve("corpus").resolve("real");
        Assumptions.assumeTrue(Files.isDirectory(real), "shared corpus not found at " + real);
        try (var cases = Files.list(real)) {
            Path dir = cases.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).findFirst()
                    .orElse(null);
            Assumptions.assumeTrue(dir != null, "corpus case " + prefix + " not found");
            return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event {@code family} reads from one capture file. */
    public static List<Event> read(Family family, String prefix, String file) {
        return FamilyTester.read(family, lines(prefix, file).toArray(String[]::new));
    }

    /**
     * The keyword contract: every line that makes an event on its own contains one of the
     * family's keywords, so the byte-level prefilter never hides it. Returns how many did.
     */
    public static int assertKeywordsCover(Family family, List<String> lines) {
        int accepted = 0;
        for (String line : lines) {
            if (!FamilyTester.read(family, line).isEmpty()) {
                accepted++;
                assertTrue(family.keywords().stream().anyMatch(line::contains),
                        () -> family.name() + " accepts a line without any of its keywords: " + line);
            }
        }
        return accepted;
    }
}
