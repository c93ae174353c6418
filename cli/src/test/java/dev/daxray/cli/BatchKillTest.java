package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.index.IncidentIndex;

/**
 * A batch killed with SIGKILL at several points, each time resumed by the next run, ends with
 * exactly the incidents of a clean run; after every kill the index opens.
 */
class BatchKillTest {

    @TempDir
    Path dir;

    /** The generation of the index's last commit (segments_N, N in base 36), 0 with none. */
    static long generation(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return 0;
        }
        try (var files = Files.list(index)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("segments_"))
                    .mapToLong(n -> Long.parseLong(n.substring("segments_".length()), Character.MAX_RADIX)).max().orElse(0);
        }
    }

    @Test
    void killedBatchesResumeToTheCleanResult() throws Exception {
        Path fleet = dir.resolve("fleet");
        TestFleet.generate(fleet, 48, 3000);
        Path clean = dir.resolve("clean");
        assertEquals(0, CliRun.run("batch", "--quiet", "--index", clean.toString(), fleet.toString()).exitCode());
        List<String> expected = BatchCommandTest.indexed(clean);
        assertTrue(expected.size() >= 16, "the fleet has incidents to lose");

        Path index = dir.resolve("killed");
        List<Long> seen = new ArrayList<>();
        // Kill points: before any commit, then after 1, 3 and 6 more commits of the resumed run
        // (watched through the index's segments_N generation, so the machine's load does not matter).
        for (int commits : new int[] {0, 1, 3, 6}) {
            long startGeneration = generation(index);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.daxray.cli.Main",
                    "batch", "--quiet", "--jobs", "1", "--commit-every", "1", "--index", index.toString(), fleet.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && System.nanoTime() < deadline
                    && (commits == 0 ? !Files.exists(index.resolve("write.lock")) : generation(index) < startGeneration + commits)) {
                Thread.sleep(5);
            }
            if (child.isAlive()) {
                child.destroyForcibly();      // SIGKILL: no shutdown hooks, no close
                child.waitFor();
            }
            if (Files.exists(index) && Files.list(index).anyMatch(p -> p.getFileName().toString().startsWith("segments_"))) {
                try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
                    long count = idx.incidentCount();
                    seen.add(count);
                    assertTrue(count <= expected.size(), "never more than a clean run");
                }
            }
        }
        System.out.println("incidents committed when killed: " + seen + " of " + expected.size());
        CliRun resume = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertEquals(0, resume.exitCode(), resume.err());
        assertEquals(expected, BatchCommandTest.indexed(index), "counts after each kill: " + seen);
        CliRun again = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertTrue(again.out().startsWith("hosts: 48 (0 indexed, 48 unchanged"), again.out());
    }
}
