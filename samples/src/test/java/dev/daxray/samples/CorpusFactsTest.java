package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.events.Crash;
import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;
import dev.daxray.timeline.Timeline;

/**
 * What a triager read in each real capture (its expected.json) must be there as events: every pfn
 * and physical address as an event field, every killed process as a comm and pid, and a crash
 * event when the capture has a crash. Skipped when ../shared is absent.
 */
class CorpusFactsTest {

    /** Facts that need an input format daxray does not read yet, with the reason. */
    private static final Map<String, String> NOT_YET = Map.of(
            "037-rasdaemon-memory_failure_event-trace-and-sqlite-free-buddy-delayed pfn 0x204000000",
            "the pfn is only in a rasdaemon trace line (trace formats: issue 4)");

    static List<Path> cases() throws IOException {
        return Captures.corpusCaseArguments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTriagersFactsAreEvents(Path caseDir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(caseDir));
        JsonNode expected = new ObjectMapper().readTree(caseDir.resolve("expected.json").toFile());
        List<Event> events = Captures.read(Captures.fileInputs(caseDir, Captures.corpusFiles(caseDir)), true).events();
        String name = caseDir.getFileName().toString();
        List<String> missing = new ArrayList<>();
        for (JsonNode pfn : expected.path("pfns")) {
            check(missing, name, "pfn " + pfn.asText(), hasField(events, "pfn", Hex.parse(pfn.asText())));
        }
        for (JsonNode addr : expected.path("phys_addrs")) {
            check(missing, name, "physAddr " + addr.asText(), hasField(events, "physAddr", Hex.parse(addr.asText())));
        }
        for (JsonNode process : expected.path("processes_killed")) {
            String comm = process.path("comm").asText();
            int pid = process.path("pid").asInt();
            check(missing, name, "process " + comm + ":" + pid,
                    hasField(events, "comm", comm) && hasField(events, "pid", pid));
        }
        if (expected.path("crash").asBoolean()) {
            check(missing, name, "a crash", events.stream().anyMatch(e -> e instanceof Crash));
        }
        assertEquals(List.of(), missing, "facts of " + name + " not found among its events");
    }

    private static void check(List<String> missing, String caseName, String fact, boolean found) {
        if (!found && !NOT_YET.containsKey(caseName + " " + fact)) {
            missing.add(fact);
        }
    }

    private static boolean hasField(List<Event> events, String field, Object value) {
        for (Event event : events) {
            Object actual = EventSchema.get().typeOf(event).field(field).map(f -> f.read(event)).orElse(null);
            if (Objects.equals(actual, value)) {
                return true;
            }
        }
        return false;
    }
}
