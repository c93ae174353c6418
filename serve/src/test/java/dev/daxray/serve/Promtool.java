package dev.daxray.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own parser and linter of the exposition format, {@code promtool check metrics}
 * (Debian's {@code prometheus} package, which .ci/run installs). Skipped with a message when it is
 * missing, unless {@code -Ddaxray.requirePromtool=true} (as .ci/run runs), where missing fails.
 */
final class Promtool {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    static void check(String exposition) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(PROMTOOL);
        if (Boolean.getBoolean("daxray.requirePromtool")) {
            assertEquals(true, present, "promtool is required (-Ddaxray.requirePromtool=true) but " + PROMTOOL + " is missing");
        }
        assumeTrue(present, "promtool not installed (apt-get install prometheus): the exposition format is not checked by it");
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("promtool did not finish");
        }
        assertEquals(0, p.exitValue(), "promtool check metrics: " + out + "\n--- input:\n" + exposition);
        assertEquals("", out.strip(), "promtool lint findings");
    }
}
