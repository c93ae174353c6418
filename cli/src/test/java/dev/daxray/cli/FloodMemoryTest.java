package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Triage memory is bounded by construction: a flood of one root cause costs counters, not events. Each
 * flood (written by bench/GenerateFlood.java into the test's temporary directory, nearly every line an
 * event) is triaged by a child JVM with a small heap, {@value #HEAP}, and must give one incident that
 * counts every line. Before the triage pipeline streamed, this 6 MiB SIGBUS flood ran out of memory with
 * {@code -Xmx64m} (and 20 MiB with {@code -Xmx256m}); the ≥ 200 MiB floods at {@code -Xmx256m} are
 * bench/flood-bench.sh's, too slow for every build.
 */
class FloodMemoryTest {

    static final String HEAP = "-Xmx40m";
    static final double MIB = 6;

    @TempDir
    static Path dir;

    private static Class<?> generator;

    @BeforeAll
    static void compileTheGenerator() throws Exception {
        Path source = TestFleet.samples().getParent().resolve("bench/GenerateFlood.java");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d",
                classes.toString(), source.toString()), "bench/GenerateFlood.java compiles");
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()});
        generator = loader.loadClass("GenerateFlood");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sigbus,   dax-poison-consumed",
        "edac,     corrected-errors",
        "ghes,     ghes-memory-error",
        "verdicts, hwpoison-failed",
        "warnings, kernel-crash"})
    void aFloodOfOneRootCauseIsOneIncidentInASmallHeap(String flood, String kind) throws Exception {
        Path capture = dir.resolve(flood + ".log");
        generator.getMethod("main", String[].class).invoke(null,
                (Object) new String[] {capture.toString(), Double.toString(MIB), flood});
        assertTrue(Files.size(capture) >= MIB * 1024 * 1024);
        Path out = dir.resolve(flood + ".json");
        Path err = dir.resolve(flood + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), "dev.daxray.cli.Main", "triage", "--format", "json",
                "--quiet", "--fail-on", "critical", capture.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "triage finished");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertFalse(stderr.contains("OutOfMemoryError"), stderr);
        assertTrue(List.of(0, 1).contains(child.exitValue()), "exit " + child.exitValue() + ": " + stderr);

        JsonNode json = new ObjectMapper().readTree(out.toFile());
        long events = json.path("inputs").get(0).path("events").asLong();
        assertTrue(events > 5_000, "a flood: " + events + " events");
        JsonNode incidents = json.path("incidents");
        assertEquals(1, incidents.size(), incidents.toString());
        JsonNode incident = incidents.get(0);
        assertEquals(kind, incident.path("kind").asText());
        assertEquals(events - 1, incident.path("evidenceCount").asLong(), "every line but the boot banner counted");
        assertEquals(12, incident.path("evidence").size(), "the first 8 and last 4 lines shown");
        if (flood.equals("verdicts")) {
            assertEquals(events - 1, incident.path("pageCount").asLong(), "one page per verdict, counted exactly");
            assertEquals("0x1a2b000", incident.path("pfnRange").path("first").asText());
            assertTrue(incident.path("summary").asText().contains("memory_failure() verdicts: "),
                    incident.path("summary").asText());
        }
    }

    /** {@code events} streams too: the whole flood comes out, one line per event, in the same small heap. */
    @org.junit.jupiter.api.Test
    void eventsStreamAFloodInASmallHeap() throws Exception {
        Path capture = dir.resolve("events-sigbus.log");
        generator.getMethod("main", String[].class).invoke(null,
                (Object) new String[] {capture.toString(), Double.toString(MIB), "sigbus"});
        Path out = dir.resolve("events-sigbus.jsonl");
        Path err = dir.resolve("events-sigbus.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), "dev.daxray.cli.Main", "events", "--format", "jsonl",
                capture.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "events finished");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), stderr);
        java.util.regex.Matcher summary = java.util.regex.Pattern.compile(", (\\d+) events, 0 unparsed").matcher(stderr);
        assertTrue(summary.find(), stderr);
        long events = Long.parseLong(summary.group(1));
        assertTrue(events > 5_000, "a flood: " + events + " events");
        try (java.util.stream.Stream<String> lines = Files.lines(out)) {
            assertEquals(events, lines.count(), "one JSON line per event");
        }
    }
}
