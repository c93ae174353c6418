package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.index.IncidentIndex;

/** {@code daxray serve}'s options and start-up errors (the server itself: the serve module's tests). */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void usageErrorsExitTwo() {
        CliRun port = CliRun.run("serve", "--index", dir.toString(), "--port", "70000");
        assertEquals(2, port.exitCode());
        assertTrue(port.err().contains("--port must be from 0 to 65535"), port.err());
        CliRun reopen = CliRun.run("serve", "--index", dir.toString(), "--reopen", "5");
        assertEquals(2, reopen.exitCode());
        assertTrue(reopen.err().contains("--reopen must be at least 100 ms"), reopen.err());
        CliRun bind = CliRun.run("serve", "--index", dir.toString(), "--bind", "no such host.invalid");
        assertEquals(2, bind.exitCode());
        assertTrue(bind.err().contains("invalid value for --bind"), bind.err());
        assertEquals(2, CliRun.run("serve").exitCode(), "--index is required");
    }

    @Test
    void noIndexIsSaidInOneLine() {
        CliRun run = CliRun.run("serve", "--index", dir.resolve("missing").toString(), "--port", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no index here (build one with daxray batch --index"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aTakenPortIsSaid() throws IOException {
        Path index = dir.resolve("idx");
        try (IncidentIndex idx = IncidentIndex.openForWriting(index)) {
            idx.commit();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("serve", "--index", index.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, run.exitCode());
            assertTrue(run.err().startsWith("daxray: cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
        }
    }
}
