package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a whole output with its golden file, or rewrites the golden when the build runs with
 * {@code -Ddaxray.regenerate=true} (then review the diff with {@code git diff} before committing).
 */
final class Golden {

    private Golden() {
    }

    static boolean regenerating() {
        return Boolean.parseBoolean(System.getProperty("daxray.regenerate", "false"));
    }

    static void check(Path golden, String actual) throws IOException {
        if (regenerating()) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), "no golden file " + golden
                + "; run: mvn -B verify -Ddaxray.regenerate=true and review the new file");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                "output differs from " + golden + " (if the change is intended: -Ddaxray.regenerate=true, then review git diff)");
    }
}
