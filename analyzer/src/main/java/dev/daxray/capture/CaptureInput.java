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
}
