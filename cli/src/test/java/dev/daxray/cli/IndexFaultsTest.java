package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.index.IncidentIndex;

/**
 * Index faults: a damaged segment is named (segment and file) instead of a raw JDK message, batch
 * refuses to append to it, 'index check --fix' drops it and lets the next batch restore the lost
 * hosts; a second writer is told which process writes; disk full and a read-only index end with
 * one clear line and an index that still opens.
 */
class IndexFaultsTest {

    @TempDir
    Path dir;

    private Path fleet() throws IOException {
        Path fleet = dir.resolve("fleet");
        if (!Files.exists(fleet)) {
            TestFleet.generate(fleet, 12, 50);
        }
        return fleet;
    }

    /** Flips 64 bytes in the middle of the index's largest stored-fields or compound file. */
    private static String corrupt(Path index) throws IOException {
        Path victim;
        try (Stream<Path> files = Files.list(index)) {
            victim = files.filter(p -> p.toString().endsWith(".fdt") || p.toString().endsWith(".cfs"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            long at = f.length() / 2;
            byte[] bytes = new byte[64];
            f.seek(at);
            f.readFully(bytes);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] ^= 0x5a;
            }
            f.seek(at);
            f.write(bytes);
        }
        return victim.getFileName().toString();
    }

    @Test
    void damagedSegmentIsNamedAndBatchRefusesUntilFixed() throws IOException {
        Path clean = dir.resolve("clean");
        assertEquals(0, CliRun.run("batch", "--quiet", "--index", clean.toString(), fleet().toString()).exitCode());
        List<String> expected = BatchCommandTest.indexed(clean);

        Path index = dir.resolve("idx");
        CliRun first = CliRun.run("batch", "--quiet", "--jobs", "1", "--commit-every", "1", "--index", index.toString(),
                fleet().toString());
        assertEquals(0, first.exitCode(), first.err());
        String file = corrupt(index);
        String segment = file.substring(0, file.indexOf('.'));
        long generation = BatchKillTest.generation(index);

        CliRun search = CliRun.run("search", "--index", index.toString(), "*");
        assertEquals(ExitCodes.USAGE_OR_IO, search.exitCode(), search.err());
        assertTrue(search.err().startsWith("daxray: index " + index + " is damaged: segment " + segment + " ("), search.err());
        assertTrue(search.err().contains("in file " + file), search.err());
        assertTrue(search.err().contains("run 'daxray index check --fix " + index + "'"), search.err());
        assertEquals(1, search.err().lines().count(), search.err());

        CliRun report = CliRun.run("report", "--index", index.toString());
        assertEquals(ExitCodes.USAGE_OR_IO, report.exitCode(), report.out());
        assertTrue(report.err().contains("is damaged: segment " + segment), report.err());

        CliRun batch = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet().toString());
        assertEquals(ExitCodes.USAGE_OR_IO, batch.exitCode(), batch.err());
        assertTrue(batch.err().contains("is damaged: segment " + segment), batch.err());
        assertEquals(generation, BatchKillTest.generation(index), "batch appended nothing to the damaged index");

        CliRun check = CliRun.run("index", "check", index.toString());
        assertEquals(ExitCodes.USAGE_OR_IO, check.exitCode(), check.out());
        assertTrue(check.out().contains("  segment " + segment + " ("), check.out());

        CliRun fix = CliRun.run("index", "check", "--fix", index.toString());
        assertEquals(ExitCodes.OK, fix.exitCode(), fix.out() + fix.err());
        assertTrue(fix.out().contains("dropped 1 damaged segment ("), fix.out());
        assertTrue(fix.out().contains("incidents lost: "), fix.out());
        assertTrue(fix.out().contains("hosts to read again"), fix.out());
        CliRun after = CliRun.run("index", "check", index.toString());
        assertEquals(ExitCodes.OK, after.exitCode(), after.out());
        assertTrue(after.out().endsWith("no damage found\n"), after.out());

        CliRun again = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet().toString());
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertEquals(expected, BatchCommandTest.indexed(index), "the next batch restored what the damaged segment held");
    }

    /** A writer in a child JVM: opens the index for writing, says so, and holds it until its input closes. */
    public static final class Holder {
        public static void main(String[] args) throws IOException {
            try (IncidentIndex held = IncidentIndex.openForWriting(Path.of(args[0]))) {
                held.commit();
                System.out.println("holding");
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void aSecondWriterIsToldWhichProcessWrites() throws Exception {
        Path index = dir.resolve("idx");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), index.toString()).start();
        try {
            assertEquals("holding", new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream())).readLine());
            CliRun second = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet().toString());
            assertEquals(ExitCodes.USAGE_OR_IO, second.exitCode(), second.err());
            assertTrue(second.err().startsWith("daxray: index " + index + " is in use by pid " + writer.pid() + " (since "),
                    second.err());
            assertTrue(second.err().endsWith("; wait for it to finish\n"), second.err());
            assertFalse(second.err().contains("Lock held"), second.err());
            CliRun check = CliRun.run("index", "check", "--fix", index.toString());
            assertTrue(check.err().contains("is in use by pid " + writer.pid()), check.err());
        } finally {
            writer.destroyForcibly();     // SIGKILL: its owner record stays behind, stale
            writer.waitFor();
        }
        assertTrue(Files.exists(index.resolve("write.owner")), "a killed writer leaves its record");
        // The OS released the killed writer's lock: the next writer takes over and replaces the record.
        CliRun next = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet().toString());
        assertEquals(ExitCodes.OK, next.exitCode(), next.err());
        assertFalse(Files.exists(index.resolve("write.owner")), "a writer removes its record when done");
    }

    @Test
    void aLockWhoseRecordedOwnerIsGoneSaysSo() throws Exception {
        Path index = dir.resolve("idx");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (IncidentIndex held = IncidentIndex.openForWriting(index)) {
            Files.writeString(index.resolve("write.owner"), gone.pid() + "\n2026-01-01T00:00:00Z\ndaxray batch\n");
            CliRun second = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet().toString());
            assertEquals(ExitCodes.USAGE_OR_IO, second.exitCode(), second.err());
            assertTrue(second.err().startsWith("daxray: index " + index + " is locked, but the writer it records (pid "
                    + gone.pid() + ", since 2026-01-01T00:00:00Z) is gone"), second.err());
        }
    }

    // ---- disk full and read-only: a small tmpfs (needs root and mount; skipped elsewhere)

    private Path mount(String options) throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0, "can mount a tmpfs (root)");
        return mnt;
    }

    private static void run(String... command) throws Exception {
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
    }

    @Test
    void diskFullEndsWithOneLineAndAnIndexThatOpens() throws Exception {
        Path mnt = mount("size=160k");
        try {
            Path index = mnt.resolve("idx");
            CliRun batch = CliRun.run("batch", "--quiet", "--commit-every", "1", "--index", index.toString(),
                    TestFleet.samples().resolve("fleet").toString());
            assertEquals(ExitCodes.USAGE_OR_IO, batch.exitCode(), batch.err());
            String last = batch.err().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("daxray: writing index " + index + " failed: ") && last.contains("No space left on device")
                    && last.endsWith("it goes on from there"), batch.err());
            assertFalse(batch.err().contains("\tat "), batch.err());
            if (Files.exists(index.resolve("segments_1")) || BatchKillTest.generation(index) > 0) {
                try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
                    assertTrue(idx.incidentCount() >= 0);
                }
            }
        } finally {
            run("umount", mnt.toString());
        }
    }

    @Test
    void aReadOnlyIndexIsSearchedButNotWritten() throws Exception {
        Path mnt = mount("size=8m");
        try {
            Path index = mnt.resolve("idx");
            Path fleet = TestFleet.samples().resolve("fleet");
            assertEquals(ExitCodes.USAGE_OR_IO, CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString()).exitCode());
            run("mount", "-o", "remount,ro", mnt.toString());
            CliRun batch = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
            assertEquals(ExitCodes.USAGE_OR_IO, batch.exitCode(), batch.err());
            assertEquals("daxray: " + index.resolve("write.lock") + ": Read-only file system\n", batch.err().replace("\r\n", "\n"));
            CliRun search = CliRun.run("search", "--index", index.toString(), "*");
            assertEquals(ExitCodes.OK, search.exitCode(), search.err());
            assertTrue(search.out().startsWith("7 incidents match"), search.out());
            CliRun check = CliRun.run("index", "check", index.toString());
            assertEquals(ExitCodes.OK, check.exitCode(), check.out() + check.err());
        } finally {
            run("umount", mnt.toString());
        }
    }
}
