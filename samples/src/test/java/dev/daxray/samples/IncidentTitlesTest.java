package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * No incident title of any sample or real-corpus golden shows {@code ?}, {@code null} or an empty value,
 * and no summary a lone {@code ?} or {@code null}: what is unknown is said in words. (The goldens are what triage prints: the golden tests hold them to it.)
 */
class IncidentTitlesTest {

    /** A placeholder left in a title: ?, null, an empty pair of brackets, a doubled or dangling separator. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\?|\\bnull\\b|\\s\\(\\s*\\)|\\s{2}|\\s[,;:]|:\\s*$|^\\s|\\s$");

    @Test
    void noGoldenTitleShowsAPlaceholder() throws IOException {
        List<Path> goldens = goldens();
        assertTrue(goldens.size() >= 40, "the sample and corpus goldens: " + goldens.size());
        List<String> bad = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        int titles = 0;
        for (Path golden : goldens) {
            for (JsonNode incident : json.readTree(golden.toFile()).path("incidents")) {
                String title = incident.path("title").asText();
                titles++;
                if (title.isEmpty() || PLACEHOLDER.matcher(title).find()) {
                    bad.add(golden + ": " + title);
                }
            }
        }
        assertTrue(titles > 40, "titles checked: " + titles);
        assertEquals(List.of(), bad);
    }

    /** A template reference without a value in a summary: a lone ? (log text quoted in a summary may hold other ?s). */
    private static final Pattern SUMMARY_PLACEHOLDER = Pattern.compile("\\(\\?\\)|\\s\\?[\\s.,;:)]|\\bnull\\b");

    @Test
    void noGoldenSummaryShowsAPlaceholder() throws IOException {
        List<String> bad = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        int summaries = 0;
        for (Path golden : goldens()) {
            for (JsonNode incident : json.readTree(golden.toFile()).path("incidents")) {
                String summary = incident.path("summary").asText();
                summaries++;
                if (SUMMARY_PLACEHOLDER.matcher(summary).find()) {
                    bad.add(golden + ": " + summary);
                }
            }
        }
        assertTrue(summaries > 40, "summaries checked: " + summaries);
        assertEquals(List.of(), bad);
    }

    private static List<Path> goldens() throws IOException {
        Path samples = Captures.repositoryRoot().resolve("samples");
        try (Stream<Path> files = Files.walk(samples)) {
            return files.filter(f -> f.getFileName().toString().equals("incidents.json"))
                    .filter(f -> !f.toString().contains("/target/")).sorted().toList();
        }
    }
}
