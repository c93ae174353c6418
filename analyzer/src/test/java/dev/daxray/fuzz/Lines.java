package dev.daxray.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.daxray.capture.LineSplitter;

/** Fuzz input as the lines the splitter would deliver (NULs gone, CRs stripped, long lines cut). */
public final class Lines {

    private Lines() {
    }

    public static List<String> of(byte[] input) {
        List<String> lines = new ArrayList<>();
        try {
            LineSplitter.split(new ByteArrayInputStream(input),
                    (buf, off, len, no) -> lines.add(new String(buf, off, len, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The lines joined back with LF, as a document reader gets them. */
    public static String text(byte[] input) {
        return String.join("\n", of(input));
    }
}
