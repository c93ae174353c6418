package dev.daxray.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.fuzz.Limits;

/**
 * The search query parser on any text: a query, or a {@link QueryException} with its column; never
 * another exception, and never unbounded work (patterns and automata are bounded).
 */
class QueryFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    @FuzzTest
    void query(byte[] input) {
        Limits.within(() -> {
            try {
                IncidentQueryParser.parse(new String(input, StandardCharsets.UTF_8), NOW);
            } catch (QueryException expected) {
                // a bad query: reported with its column
            }
        });
    }
}
