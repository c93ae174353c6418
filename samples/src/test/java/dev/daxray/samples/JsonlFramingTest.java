package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every line of every events golden (bundled samples and the real corpus's) is exactly one JSON
 * object: it starts with '{'. Jackson's default root separator once put a space before every
 * line after the first, and the goldens carried it.
 */
class JsonlFramingTest {

    @Test
    void everyEventsGoldenLineStartsWithABrace() throws IOException {
        Path samples = Captures.repositoryRoot().resolve("samples");
        List<Path> goldens;
        try (Stream<Path> files = Files.walk(samples)) {
            goldens = files.filter(f -> f.getFileName().toString().equals("events.jsonl")).sorted().toList();
        }
        assertFalse(goldens.isEmpty(), "no events.jsonl under " + samples);
        for (Path golden : goldens) {
            List<String> lines = Files.readAllLines(golden, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertTrue(line.startsWith("{") && line.endsWith("}"),
                        golden + ":" + (i + 1) + ": not one JSON object per line: [" + line + "]");
            }
        }
    }
}
