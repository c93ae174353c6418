package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daxray.capture.CaptureInput;
import dev.daxray.capture.Decompression;
import dev.daxray.capture.LineBuckets;
import dev.daxray.capture.LineSplitter;
import dev.daxray.families.Family;
import dev.daxray.families.shipped.Families;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.KeywordPrefilter;
import dev.daxray.records.LogRecord;
import dev.daxray.timeline.InputFormats;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.LineFate;
import dev.daxray.timeline.ReadListener;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * No line is lost: on every sample and every real capture, every line meets exactly one fate, the
 * five buckets of each input add up to its line count, and a line whose message carries a family
 * keyword is read, unparsed, or skipped only when every such family's anchors rule it out (checked
 * here again from the line's own text, independently of the scanner).
 */
class LineAccountingTest {

    private static final List<Family> FAMILIES = Families.standard();
    private static final KeywordPrefilter KEYWORDS =
            new KeywordPrefilter(FAMILIES.stream().map(Family::keywords).toList());

    record Case(String name, CaptureInput input) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> inputs() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Path dir : Captures.sampleCases()) {
            Captures.sampleInputs(dir).forEach(in -> cases.add(new Case("sample " + dir.getFileName() + "/" + in.name(), in)));
        }
        for (Path dir : Captures.corpusCases()) {
            Captures.fileInputs(dir, Captures.corpusFiles(dir))
                    .forEach(in -> cases.add(new Case("corpus " + dir.getFileName() + "/" + in.name(), in)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyLineEndsInExactlyOneBucket(Case c) {
        Map<Long, LineFate> fates = new HashMap<>();
        List<Long> twice = new ArrayList<>();
        ReadListener listener = new ReadListener() {
            @Override
            public void line(long line, LineFate fate) {
                if (fates.put(line, fate) != null) {
                    twice.add(line);
                }
            }
        };
        Timeline timeline = Timeline.read(List.of(c.input()), ScanOptions.defaults(), FAMILIES, listener);
        InputSummary summary = timeline.inputs().get(0);
        LineBuckets buckets = summary.buckets();
        assertEquals(List.of(), twice, "lines that met two fates");
        assertEquals(summary.lines(), fates.size(), "lines that met a fate");
        for (long line = 1; line <= summary.lines(); line++) {
            assertTrue(fates.containsKey(line), "line " + line + " met no fate");
        }
        assertEquals(summary.lines(), buckets.total(), buckets::toString);
        assertEquals(summary.unparsed(), buckets.unparsed());
        assertTrue(InputFormats.known(summary.format()), "daxray schema lists the input's format: " + summary.format());
        assertTrue(buckets.context() >= 0 && buckets.event() >= 0, buckets::toString);
        long read = fates.values().stream().filter(f -> f == LineFate.READ).count();
        assertTrue(buckets.event() <= read, "every event line was read: " + buckets + ", read " + read);

        List<String> lines = lines(c.input());
        EnvelopeParser envelopes = new EnvelopeParser();
        // a structured export's lines carry their entry's message: the keywords that count are the message's
        Map<Long, StructuredLines.Message> messages = StructuredLines.of(summary.format(), lines);
        for (int i = 0; i < lines.size(); i++) {
            LineFate fate = fates.get(i + 1L);
            String line = lines.get(i);
            StructuredLines.Message message = messages.get(i + 1L);
            Envelope envelope = message != null ? Envelope.bare() : envelopes.parse(line);
            String body = message != null ? message.text() : line.substring(envelope.bodyStart());
            long keywords = keywords(body);
            String where = c.input().name() + ":" + (i + 1) + " (" + fate + "): " + line;
            if (message != null && !message.kernel() && fate == LineFate.CHATTER) {
                continue; // another program's journal entry: chatter unless a tool's family read it
            }
            switch (fate) {
                case CHATTER, UNPREFIXED -> assertEquals(0, keywords, "a line with a family keyword is not chatter: " + where);
                case SKIPPED, UNPREFIXED_RULED_OUT -> {
                    assertFalse(keywords == 0, "a skipped line has a keyword: " + where);
                    LogRecord record = new LogRecord(null, envelope, body);
                    for (int f = 0; f < FAMILIES.size(); f++) {
                        if ((keywords & (1L << f)) != 0) {
                            assertFalse(FAMILIES.get(f).mayRead(record),
                                    FAMILIES.get(f).name() + "'s anchors do not rule out " + where);
                        }
                    }
                }
                default -> {
                    // read, context or unparsed: nothing is lost whatever the line holds
                }
            }
        }
    }

    private static long keywords(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return KEYWORDS.match(bytes, 0, bytes.length);
    }

    /** The lines as the splitter gives them (NULs and a byte order mark removed, CRs stripped). */
    private static List<String> lines(CaptureInput input) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Decompression.open(input.opener().open())) {
            LineSplitter.split(in, (buf, off, len, no) -> lines.add(new String(buf, off, len, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
