package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.Decompression;
import dev.daxray.capture.LineSplitter;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.PrefixSniffer;

/**
 * Whenever the byte-level prefix sniffer claims a shape, the envelope grammar must give the same
 * envelope (format, time, caller, level, body start, trace event), for every line of every sample
 * and real capture: the scanner takes the sniffer's envelope instead of parsing.
 */
class SnifferAgreementTest {

    @Test
    void snifferAgreesWithTheGrammarOnEveryLine() throws IOException {
        List<Path> files = Captures.everyCaptureFile();
        EnvelopeParser parser = new EnvelopeParser();
        PrefixSniffer sniffer = new PrefixSniffer();
        List<String> disagreements = new ArrayList<>();
        long[] claimed = {0};
        for (Path file : files) {
            try (InputStream in = Decompression.open(Files.newInputStream(file))) {
                LineSplitter.split(in, (buf, off, len, no) -> {
                    PrefixSniffer.Shape shape = sniffer.sniff(buf, off, len);
                    if (shape == null) {
                        return;
                    }
                    claimed[0]++;
                    String line = new String(buf, off, len, StandardCharsets.UTF_8);
                    Envelope envelope = parser.parse(line);
                    Envelope sniffed = sniffer.envelope(buf, off);
                    if (!envelope.format().equals(shape.format())
                            || !Long.valueOf(sniffer.micros()).equals(envelope.micros()) || !sniffed.equals(envelope)) {
                        disagreements.add(file + ":" + no + ": sniffer " + sniffed + ", grammar " + envelope + ": " + line);
                    }
                });
            }
        }
        assertTrue(claimed[0] > 0, "the sniffer recognised no line at all");
        assertEquals(List.of(), disagreements);
    }
}
