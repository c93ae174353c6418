package dev.daxray.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who writes an index: a side file next to Lucene's {@code write.lock}, written by the process
 * that holds the lock (pid, start, command). A second writer is told who holds it, not Lucene's
 * lock message; a side file whose pid is gone (a killed batch: the OS released its lock) is simply
 * replaced by the next writer.
 */
final class IndexWriterOwner {

    static final String FILE = "write.owner";

    private IndexWriterOwner() {
    }

    /** Records this process as the writer of {@code index} (called once it holds the write lock). */
    static void claim(Path index) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String since = self.info().startInstant().orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS).toString();
        String command = self.info().commandLine().map(IndexWriterOwner::shorten).orElse("?");
        Path tmp = index.resolve(FILE + ".tmp");
        Files.writeString(tmp, self.pid() + "\n" + since + "\n" + command + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, index.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the record (before the lock is released). */
    static void release(Path index) {
        try {
            Files.deleteIfExists(index.resolve(FILE));
        } catch (IOException e) {
            // A stale record is harmless: the next writer replaces it.
        }
    }

    /** Why {@code index} cannot be opened for writing now: who holds its lock, as far as it is known. */
    static String inUse(Path index) {
        String[] lines;
        try {
            lines = Files.readString(index.resolve(FILE), StandardCharsets.UTF_8).split("\n");
        } catch (NoSuchFileException e) {
            return "index " + index + " is in use by another writer (it recorded no owner); wait for it to finish";
        } catch (IOException e) {
            return "index " + index + " is in use by another writer (its owner record cannot be read: " + e + ")";
        }
        long pid;
        try {
            pid = Long.parseLong(lines[0].strip());
        } catch (NumberFormatException e) {
            return "index " + index + " is in use by another writer (its owner record is unreadable)";
        }
        String since = lines.length > 1 ? lines[1].strip() : "?";
        String command = lines.length > 2 ? ": " + lines[2].strip() : "";
        if (pid == ProcessHandle.current().pid()) {
            return "index " + index + " is in use by this process (since " + since + "): open it once";
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return "index " + index + " is in use by pid " + pid + " (since " + since + command + "); wait for it to finish";
        }
        return "index " + index + " is locked, but the writer it records (pid " + pid + ", since " + since
                + ") is gone: another machine sharing this file system may be writing it; if nothing is, remove "
                + index.resolve("write.lock") + " and " + index.resolve(FILE);
    }

    /** The daxray command line as typed (after the main class or the jar), else the whole one, shortened. */
    private static String shorten(String commandLine) {
        String oneLine = commandLine.replaceAll("\\s+", " ");
        for (String marker : new String[] {"dev.daxray.cli.Main ", "daxray.jar "}) {
            int at = oneLine.indexOf(marker);
            if (at >= 0) {
                oneLine = "daxray " + oneLine.substring(at + marker.length());
                break;
            }
        }
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 199) + "…";
    }
}
