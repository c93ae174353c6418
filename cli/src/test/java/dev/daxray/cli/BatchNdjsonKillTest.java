package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch --ndjson} killed with SIGKILL at several commit points, each time resumed by the
 * next run with the same file: the file ends byte for byte as a clean run's, and after every kill
 * it holds at least every incident the index committed.
 */
class BatchNdjsonKillTest {

    @TempDir
    Path dir;

    @Test
    void killedBatchesLeaveNdjsonThatResumesToTheCleanFile() throws Exception {
        Path fleet = dir.resolve("fleet");
        TestFleet.generate(fleet, 48, 3000);
        Path clean = dir.resolve("clean.ndjson");
        assertEquals(0, CliRun.run("batch", "--quiet", "--index", dir.resolve("clean").toString(), "--ndjson", clean.toString(),
                fleet.toString()).exitCode());
        List<String> expected = Files.readAllLines(clean);
        assertTrue(expected.size() >= 16, "the fleet has incidents to lose");

        Path index = dir.resolve("killed");
        Path ndjson = dir.resolve("killed.ndjson");
        Path partial = NdjsonOutput.partialOf(ndjson);
        List<String> seen = new ArrayList<>();
        for (int commits : new int[] {1, 3, 6}) {
            long startGeneration = BatchKillTest.generation(index);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.daxray.cli.Main",
                    "batch", "--quiet", "--jobs", "1", "--commit-every", "1", "--index", index.toString(),
                    "--ndjson", ndjson.toString(), fleet.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && System.nanoTime() < deadline && BatchKillTest.generation(index) < startGeneration + commits) {
                Thread.sleep(5);
            }
            if (child.isAlive()) {
                child.destroyForcibly();      // SIGKILL: no shutdown hooks, no close
                child.waitFor();
            }
            if (!Files.exists(partial)) {
                continue;                     // the child finished before the kill
            }
            List<String> committed = BatchCommandTest.indexed(index);
            List<String> lines = Files.readAllLines(partial);
            for (String incident : committed) {
                assertTrue(lines.contains(incident), "a committed incident is in the NDJSON after the kill: " + incident);
            }
            seen.add(committed.size() + " committed / " + lines.size() + " lines");
        }
        CliRun resume = CliRun.run("batch", "--quiet", "--index", index.toString(), "--ndjson", ndjson.toString(), fleet.toString());
        assertEquals(0, resume.exitCode(), resume.err());
        assertFalse(Files.exists(partial), "the finished batch renames the partial file");
        assertEquals(expected, Files.readAllLines(ndjson), "after kills " + seen);
    }
}
