package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daxray.capture.CaptureInput;
import dev.daxray.timeline.Timeline;

/**
 * The byte-level prefilter must never drop a line a grammar would read: every sample and every
 * real capture is read with the prefilter and without it (every line offered to every family),
 * and both runs must give the same events and the same summaries.
 */
class PrefilterEquivalenceTest {

    record Case(String name, List<CaptureInput> inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Path dir : Captures.sampleCases()) {
            cases.add(new Case("sample " + dir.getFileName(), Captures.sampleInputs(dir)));
        }
        for (Path dir : Captures.corpusCases()) {
            cases.add(new Case("corpus " + dir.getFileName(), Captures.fileInputs(dir, Captures.corpusFiles(dir))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void prefilterChangesNothing(Case c) {
        Timeline fast = Captures.read(c.inputs(), true);
        Timeline slow = Captures.read(c.inputs(), false);
        assertEquals(Captures.jsonl(slow.events()), Captures.jsonl(fast.events()));
        assertEquals(slow.inputs(), fast.inputs());
    }
}
