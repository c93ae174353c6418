package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daxray.timeline.Timeline;

/** Each bundled sample's events, input summary and triage JSON, compared whole with samples/CASE/expected/. */
class SampleGoldenTest {

    static List<Path> cases() throws IOException {
        return Captures.sampleCases();
    }

    @Test
    void samplesExist() throws IOException {
        assertFalse(cases().isEmpty(), "no sample cases found under " + Captures.repositoryRoot().resolve("samples"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eventsMatchTheGolden(Path caseDir) throws IOException {
        Timeline timeline = Captures.read(Captures.sampleInputs(caseDir), true);
        Golden.check(caseDir.resolve("expected/events.jsonl"), Captures.jsonl(timeline.events()));
        Golden.check(caseDir.resolve("expected/inputs.jsonl"), Captures.summaries(timeline.inputs()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void incidentsMatchTheGolden(Path caseDir) throws IOException {
        Timeline timeline = Captures.read(Captures.sampleInputs(caseDir), true);
        Golden.check(caseDir.resolve("expected/incidents.json"), Captures.triageJson(timeline));
    }
}
