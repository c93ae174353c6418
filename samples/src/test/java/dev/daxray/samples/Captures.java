package dev.daxray.samples;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.daxray.capture.CaptureInput;
import dev.daxray.capture.Inputs;
import dev.daxray.events.Event;
import dev.daxray.output.EventJsonWriter;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * Where the bundled samples and the real corpus are, and how a case is read for the golden tests:
 * inputs named relative to the case directory, so goldens do not depend on where the checkout is.
 */
final class Captures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Captures() {
    }

    static Path repositoryRoot() {
        String root = System.getProperty("daxray.root");
        return root != null && !root.isBlank() && !root.startsWith("${") ? Path.of(root) : Path.of("..");
    }

    /**
     * The bundled sample cases: every directory under samples/ that has a .daxrayignore, except
     * samples/fleet, a fleet dump for {@code daxray batch} (one host per directory, a deliberately
     * broken archive) rather than one case's captures.
     */
    static List<Path> sampleCases() throws IOException {
        Path samples = repositoryRoot().resolve("samples");
        try (Stream<Path> dirs = Files.list(samples)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(Inputs.IGNORE_FILE)))
                    .filter(d -> !d.getFileName().toString().equals("fleet")).sorted().toList();
        }
    }

    /** ../shared/corpus/real beside the checkout (present in CI; maybe not in a user's clone). */
    static Path corpus() {
        return repositoryRoot().resolve("../shared/corpus/real").normalize();
    }

    /**
     * The corpus cases as arguments of a parameterised test: when ../shared is absent, the absent
     * corpus directory alone. JUnit refuses a parameterised test with no arguments, while this one
     * case is skipped by the test's {@code assumeTrue(Files.isDirectory(caseDir))}, so a bare clone
     * reports these tests as skipped.
     */
    static List<Path> corpusCaseArguments() throws IOException {
        return Files.isDirectory(corpus()) ? corpusCases() : List.of(corpus());
    }

    static List<Path> corpusCases() throws IOException {
        if (!Files.isDirectory(corpus())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(corpus())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The capture files of a corpus case: everything but its SOURCE.md and expected.json. */
    static List<Path> corpusFiles(Path caseDir) throws IOException {
        try (Stream<Path> files = Files.list(caseDir)) {
            return files.filter(f -> !f.getFileName().toString().equals("SOURCE.md")
                    && !f.getFileName().toString().equals("expected.json")).sorted().toList();
        }
    }

    /** Every capture file: each sample case's inputs, then each real corpus case's files (when ../shared is there). */
    static List<Path> everyCaptureFile() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path dir : sampleCases()) {
            sampleInputs(dir).forEach(in -> files.add(dir.resolve(in.name())));
        }
        for (Path dir : corpusCases()) {
            files.addAll(corpusFiles(dir));
        }
        return files;
    }

    /** The inputs of a sample case as the CLI expands them, renamed relative to the case. */
    static List<CaptureInput> sampleInputs(Path caseDir) {
        Inputs.Expansion expansion = Inputs.expand(List.of(caseDir.toString()), java.io.InputStream.nullInputStream());
        return expansion.inputs().stream()
                .map(in -> new CaptureInput(caseDir.relativize(Path.of(in.name())).toString(), in.opener()))
                .toList();
    }

    static List<CaptureInput> fileInputs(Path caseDir, List<Path> files) {
        return files.stream()
                .map(f -> new CaptureInput(caseDir.relativize(f).toString(), () -> Files.newInputStream(f)))
                .toList();
    }

    static Timeline read(List<CaptureInput> inputs, boolean prefilter) {
        return Timeline.read(inputs, new ScanOptions(prefilter));
    }

    /** The events as {@code daxray events --format jsonl} prints them. */
    static String jsonl(List<Event> events) {
        StringWriter out = new StringWriter();
        try (EventJsonWriter writer = new EventJsonWriter(out)) {
            for (Event event : events) {
                writer.write(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static final dev.daxray.rules.RuleSet SHIPPED_RULES =
            dev.daxray.rules.RuleLoader.load(dev.daxray.rules.RuleLoader.shipped());

    /** The triage of a timeline with the shipped rules, every severity. */
    static dev.daxray.incidents.Triage.Result triage(Timeline timeline) {
        return dev.daxray.incidents.Triage.run(timeline.events(), SHIPPED_RULES, dev.daxray.rules.Severity.INFO,
                timeline.addresses(), timeline.clockNotes());
    }

    /** The triage JSON as {@code daxray triage --format json} prints it. */
    static String triageJson(Timeline timeline) {
        StringWriter out = new StringWriter();
        List<dev.daxray.incidents.TriageInput> inputs = timeline.inputs().stream()
                .map(s -> new dev.daxray.incidents.TriageInput(s.file(), s.format(), s.lines(), s.events(), s.unparsed(),
                        s.buckets(), s.notes()))
                .toList();
        try {
            dev.daxray.incidents.IncidentJson.write(out, inputs, triage(timeline), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One JSON line per input summary: the counts the goldens guard, unparsed lines included. */
    static String summaries(List<InputSummary> inputs) {
        StringBuilder out = new StringBuilder();
        for (InputSummary s : inputs) {
            ObjectNode node = JSON.createObjectNode();
            node.put("file", s.file());
            node.put("format", s.format());
            node.put("lines", s.lines());
            node.put("events", s.events());
            node.put("unparsed", s.unparsed());
            node.put("boots", s.boots());
            node.set("buckets", JSON.valueToTree(s.buckets()));
            if (s.error() != null) {
                node.put("error", s.error());
            }
            if (!s.notes().isEmpty()) {
                s.notes().forEach(node.putArray("notes")::add);
            }
            try {
                out.append(JSON.writeValueAsString(node)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }
}
