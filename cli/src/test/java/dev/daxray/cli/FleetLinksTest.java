package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.index.IncidentIndex;

/**
 * Links and special files in fleets and input directories: a link out of its fleet or host is
 * refused the same way at both levels; a FIFO, socket or device is reported, never opened.
 */
class FleetLinksTest {

    static final String DMESG = "[  100.100000] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered\n"
            + "[  100.200000] Memory failure: 0x3c1b0a: Sending SIGBUS to fsx:4242 due to hardware memory corruption\n";

    @TempDir
    Path dir;

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is available");
    }

    @Test
    void linksOutOfTheFleetAreRefusedLikeLinksOutOfAHost() throws IOException {
        Path outside = dir.resolve("outside");
        Files.createDirectories(outside.resolve("host-dir"));
        Files.writeString(outside.resolve("host-b.log"), DMESG);
        Files.writeString(outside.resolve("host-dir/dmesg.log"), DMESG);
        Path fleet = dir.resolve("fleet");
        Files.createDirectories(fleet.resolve("host-a"));
        Files.writeString(fleet.resolve("host-a/dmesg.log"), DMESG);
        Files.createSymbolicLink(fleet.resolve("host-a/kern.log"), outside.resolve("host-b.log"));
        Files.createSymbolicLink(fleet.resolve("linked-file.log"), outside.resolve("host-b.log"));
        Files.createSymbolicLink(fleet.resolve("linked-dir"), outside.resolve("host-dir"));
        Files.createSymbolicLink(fleet.resolve("inside.log"), fleet.resolve("host-a/dmesg.log"));

        Path index = dir.resolve("idx");
        CliRun batch = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertEquals(ExitCodes.USAGE_OR_IO, batch.exitCode(), batch.out() + batch.err());
        String real = outside.toRealPath().toString();
        assertTrue(batch.err().contains(fleet.resolve("linked-file.log") + ": symbolic link out of the fleet (to "
                + real + "/host-b.log), not followed; name it as a FLEET argument to read it"), batch.err());
        assertTrue(batch.err().contains(fleet.resolve("linked-dir") + ": symbolic link out of the fleet (to "
                + real + "/host-dir), not followed"), batch.err());
        assertTrue(batch.err().contains(fleet.resolve("host-a/kern.log") + ": symbolic link out of the bundle (to "
                + real + "/host-b.log), not followed"), batch.err());
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            assertEquals(List.of("host-a", "inside"), idx.bundles().stream().map(b -> b.bundle()).sorted().toList(),
                    "a link inside the fleet is a host; links out are not");
        }
        // Named as a FLEET argument, the target is read.
        CliRun named = CliRun.run("batch", "--quiet", "--index", index.toString(), outside.resolve("host-b.log").toString());
        assertEquals(ExitCodes.OK, named.exitCode(), named.err());
    }

    @Test
    void fifosInFleetsAndDirectoriesAreReportedNotOpened() throws Exception {
        Path fleet = dir.resolve("fleet");
        Files.createDirectories(fleet.resolve("host-a"));
        Files.writeString(fleet.resolve("host-a/dmesg.log"), DMESG);
        mkfifo(fleet.resolve("host-a/pipe.log"));
        mkfifo(fleet.resolve("fifo-host.log"));

        CliRun batch = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run("batch", "--quiet", "--index", dir.resolve("idx").toString(), fleet.toString()));
        assertEquals(ExitCodes.USAGE_OR_IO, batch.exitCode(), batch.err());
        assertTrue(batch.err().contains(fleet.resolve("fifo-host.log") + ": a FIFO, not a regular file; not read"), batch.err());
        assertTrue(batch.err().contains(fleet.resolve("host-a/pipe.log") + ": a FIFO, not a regular file; not read"), batch.err());
        assertTrue(batch.out().startsWith("hosts: 1 (1 indexed"), batch.out());

        CliRun events = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run("events", fleet.resolve("host-a").toString()));
        assertEquals(ExitCodes.USAGE_OR_IO, events.exitCode(), events.err());
        assertTrue(events.err().contains("daxray: " + fleet.resolve("host-a/pipe.log") + ": a FIFO, not a regular file; not read"),
                events.err());
        assertTrue(events.out().contains("sigbus"), events.out());
        CliRun fifoFleet = CliRun.run("batch", "--quiet", "--index", dir.resolve("idx2").toString(),
                fleet.resolve("fifo-host.log").toString());
        assertTrue(fifoFleet.err().contains("fifo-host.log: a FIFO, not a regular file; not read"), fifoFleet.err());
    }
}
