package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daxray.index.SearchResult;

class SearchCommandTest {

    private static String text(SearchResult result) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            SearchCommand.text(writer, result);
        }
        return out.toString().lines().findFirst().orElseThrow();
    }

    @Test
    void aSearchCutShortByTheTimeLimitSaysSoOnStandardOutput() {
        assertEquals("at least 12 incidents match (partial: the search hit --timeout)",
                text(new SearchResult(12, List.of(), Map.of(), List.of(), true)));
        assertEquals("12 incidents match", text(new SearchResult(12, List.of(), Map.of(), List.of(), false)));
        assertEquals("1 incident matches", text(new SearchResult(1, List.of(), Map.of(), List.of(), false)));
    }

    @Test
    void aStackTraceOnlyWithDebug(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String missing = dir.resolve("nowhere").toString();
        CliRun plain = CliRun.run("search", "--index", missing, "x");
        assertEquals(2, plain.exitCode());
        assertEquals(1, plain.err().lines().count(), plain.err());
        CliRun debug = CliRun.run("search", "--debug", "--index", missing, "x");
        assertEquals(2, debug.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(debug.err().contains("\tat dev.daxray."), debug.err());
    }
}
