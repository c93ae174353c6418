package dev.daxray.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One input of a run: a file found on disk, or standard input.
 *
 * @param name   how the input is named in output ({@code file} of every event): the path as given
 *               or found, {@code -} for standard input
 * @param opener opens the raw bytes; decompression happens later
 */
public record CaptureInput(String name, Opener opener) {

    /** Opens an input's raw bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public CaptureInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /** Size on disk in bytes, or -1 when it is not a regular file (stdin, generated input). */
    public long size() {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(name);
            return name.equals("-") || !java.nio.file.Files.isRegularFile(path) ? -1 : java.nio.file.Files.size(path);
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return -1;
        }
    }
}
