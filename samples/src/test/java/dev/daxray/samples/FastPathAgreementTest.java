package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.Decompression;
import dev.daxray.capture.LineSplitter;
import dev.daxray.events.Origin;
import dev.daxray.families.Family;
import dev.daxray.families.fast.FastFamily;
import dev.daxray.families.fast.VerifiedFastPath;
import dev.daxray.families.shipped.Families;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.LogRecord;

/**
 * Whenever a family's hand-written fast reader claims a line, the family's grammar must give the
 * same event, for every line of every sample and real capture. At run time a shape the two disagree
 * on falls back to the grammar (see {@code VerifiedFastPath}); this test makes sure none does on
 * what kernels print, so the fast path is really taken.
 */
class FastPathAgreementTest {

    @Test
    void fastReadersAgreeWithTheGrammarOnEveryLine() throws IOException {
        List<Path> files = Captures.everyCaptureFile();
        Map<String, VerifiedFastPath<?>> paths = new LinkedHashMap<>();
        for (Family family : Families.standard()) {
            if (family instanceof FastFamily fast) {
                paths.put(family.name(), fast.newFastPath());
            }
        }
        EnvelopeParser envelopes = new EnvelopeParser();
        Map<String, Long> claimed = new LinkedHashMap<>();
        paths.keySet().forEach(name -> claimed.put(name, 0L));
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Decompression.open(Files.newInputStream(file))) {
                LineSplitter.split(in, (buf, off, len, no) -> {
                    String line = new String(buf, off, len, StandardCharsets.UTF_8);
                    Envelope envelope = envelopes.parse(line);
                    Origin origin = new Origin(file.toString(), 0, no, no, line, envelope.micros(), 0,
                            envelope.wall(), 0, envelope.host(), null);
                    LogRecord record = new LogRecord(origin, envelope, line.substring(envelope.bodyStart()));
                    paths.forEach((name, path) -> {
                        Object fast = path.fast().read(record);
                        if (fast == null) {
                            return;
                        }
                        claimed.merge(name, 1L, Long::sum);
                        Optional<?> grammar = path.grammar().parse(record);
                        if (!grammar.equals(Optional.of(fast))) {
                            disagreements.add(file + ":" + no + ": " + name + " fast " + fast + ", grammar " + grammar);
                        }
                    });
                });
            }
        }
        assertEquals(List.of(), disagreements);
        claimed.forEach((name, count) -> assertTrue(count > 0, name + ": its fast reader claimed no line at all"));
    }
}
