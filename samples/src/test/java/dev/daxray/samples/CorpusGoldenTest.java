package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.Timeline;

/**
 * Every real capture in ../shared/corpus/real parses without an error, and its events and input
 * summaries (unparsed counts included) and its triage JSON match the goldens in samples/corpus/CASE/,
 * so a parser or rule change that loses or gains anything on real logs shows up. Skipped when ../shared is absent.
 */
class CorpusGoldenTest {

    static List<Path> cases() throws IOException {
        return Captures.corpusCaseArguments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eventsMatchTheGolden(Path caseDir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(caseDir));
        Timeline timeline = Captures.read(Captures.fileInputs(caseDir, Captures.corpusFiles(caseDir)), true);
        for (InputSummary input : timeline.inputs()) {
            assertTrue(input.error() == null, input.file() + ": " + input.error());
        }
        Path golden = Captures.repositoryRoot().resolve("samples/corpus").resolve(caseDir.getFileName().toString());
        Golden.check(golden.resolve("events.jsonl"), Captures.jsonl(timeline.events()));
        Golden.check(golden.resolve("inputs.jsonl"), Captures.summaries(timeline.inputs()));
        Golden.check(golden.resolve("incidents.json"), Captures.triageJson(timeline));
    }
}
