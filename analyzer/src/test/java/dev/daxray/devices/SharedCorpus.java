package dev.daxray.devices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/**
 * Files under {@code ../shared/corpus/real}; the calling test is skipped (not failed) when the
 * shared directory is absent.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Path shared() {
        Path fromRoot = Paths.get(System.getProperty("daxray.root", "."), "..", "shared").normalize();
        return Files.isDirectory(fromRoot) ? fromRoot : Paths.get("..", "..", "shared").normalize();
    }

    public static String text(String caseDir, String file) {
        Path path = shared().resolve("corpus/real").resolve(caseDir).resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "real corpus not available: " + path);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
