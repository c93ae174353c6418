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
}
