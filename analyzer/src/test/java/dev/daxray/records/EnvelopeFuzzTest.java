package dev.daxray.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.capture.LineSplitter;
import dev.daxray.fuzz.Limits;

/**
 * The envelope grammar on any line the splitter can deliver: it never throws, its body starts inside
 * the line, and whenever the byte-level sniffer claims a line, the grammar reads the same envelope
 * (the sniffer may only answer when sure).
 */
class EnvelopeFuzzTest {

    private final EnvelopeParser parser = new EnvelopeParser();
    private final PrefixSniffer sniffer = new PrefixSniffer();

    @FuzzTest
    void envelope(byte[] input) {
        Limits.within(() -> {
            try {
                LineSplitter.split(new ByteArrayInputStream(input), (buf, off, len, no) -> check(Arrays.copyOfRange(buf, off, off + len)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void check(byte[] bytes) {
        String line = new String(bytes, StandardCharsets.UTF_8);
        Envelope envelope = parser.parse(line);
        assertTrue(envelope.bodyStart() >= 0 && envelope.bodyStart() <= line.length(), envelope::toString);
        if (sniffer.sniff(bytes, 0, bytes.length) != null) {
            assertEquals(envelope, sniffer.envelope(bytes, 0), () -> "sniffer and grammar disagree on [" + line + "]");
        }
    }
}
