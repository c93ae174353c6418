package dev.daxray.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.fleet.FleetIncident;

/** What the web UI reads beyond search: reopening at a newer commit, one incident by id, the time histogram. */
class IndexReadingTest {

    @TempDir
    Path dir;

    private static final long DAY = 86_400_000L;
    private static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    @Test
    void reopenSeesNewCommitsAndKeepsTheOldViewUsable() throws Exception {
        Path path = dir.resolve("idx");
        try (IncidentIndex writer = IncidentIndex.openForWriting(path)) {
            writer.add(IncidentIndexTest.full("web-01", "1111", "fp1", "6.8.0", T0));
            writer.commit();
            IncidentIndex first = IncidentIndex.openForReading(path);
            assertEquals(1, first.incidentCount());
            assertNull(first.reopenIfChanged(), "nothing committed since");
            writer.add(IncidentIndexTest.full("web-02", "2222", "fp1", "6.8.0", T0 + DAY));
            writer.commit();
            IncidentIndex second = first.reopenIfChanged();
            assertNotNull(second);
            assertEquals(2, second.incidentCount());
            assertEquals(1, first.incidentCount(), "the older view stays as it was");
            first.close();
            assertEquals(2, second.search(SearchRequest.of("fingerprint:fp1").withFacets(List.of("host"))).total(),
                    "the shared directory outlives the first view");
            writer.add(IncidentIndexTest.full("web-03", "3333", "fp1", "6.8.0", T0));
            writer.commit();
            try (IncidentIndex third = second.reopenIfChanged()) {
                second.close();
                assertEquals(3, third.incidentCount());
            }
            assertThrows(IllegalStateException.class, writer::reopenIfChanged);
        }
    }

    @Test
    void getFindsOneIncidentById() throws Exception {
        Path path = dir.resolve("idx");
        FleetIncident f = IncidentIndexTest.full("web-01", "1111", "fp1", "6.8.0", T0);
        try (IncidentIndex writer = IncidentIndex.openForWriting(path)) {
            writer.add(f);
            writer.commit();
        }
        try (IncidentIndex index = IncidentIndex.openForReading(path)) {
            assertEquals(f, index.get("web-01/1111"));
            assertNull(index.get("web-01/2222"));
            assertNull(index.get("web-01"));
        }
    }

    @Test
    void histogramCountsMatchesInRoundBuckets() throws Exception {
        Path path = dir.resolve("idx");
        try (IncidentIndex writer = IncidentIndex.openForWriting(path)) {
            for (int d = 0; d < 10; d++) {
                for (int n = 0; n <= d; n++) {
                    writer.add(IncidentIndexTest.full("h" + d, "i" + n, "fp", d % 2 == 0 ? "6.8.0" : "6.1.0", T0 + d * DAY + n * 60_000L));
                }
            }
            FleetIncident timed = IncidentIndexTest.full("untimed", "u", "fp", "6.8.0", 0);
            writer.add(new FleetIncident(timed.incident(), timed.bundle(), null, null, null, null, 1));
            writer.commit();
        }
        try (IncidentIndex index = IncidentIndex.openForReading(path)) {
            TimeHistogram h = index.histogram(SearchRequest.of(""), 12);
            assertEquals(DAY, h.width(), "the smallest round width that fits 10 days in 12 bars");
            assertEquals(T0, h.from());
            assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, h.counts());
            assertEquals(1, h.untimed());
            TimeHistogram even = index.histogram(SearchRequest.of("kernel:6.8.0"), 12);
            assertArrayEquals(new long[] {1, 0, 3, 0, 5, 0, 7, 0, 9}, even.counts());
            TimeHistogram within = index.histogram(new SearchRequest("", T0 + 2 * DAY, T0 + 4 * DAY, 0, List.of(), false, 10_000,
                    Instant.now()), 60);
            assertEquals(3_600_000L, within.width());
            assertEquals(48, within.counts().length);
            assertEquals(7, java.util.Arrays.stream(within.counts()).sum());
            TimeHistogram burst = index.histogram(SearchRequest.of("host:h0"), 60);
            assertEquals(60_000L, burst.width(), "a single incident still gets half an hour of minute bars");
            assertEquals(1, java.util.Arrays.stream(burst.counts()).sum());
            assertEquals(0, index.histogram(SearchRequest.of("host:nobody"), 60).counts().length);
            for (String q : List.of("", "kernel:6.8.0", "host:h9", "time:[2026-03-03 TO 2026-03-06]")) {
                SearchRequest faceted = SearchRequest.of(q).withFacets(List.of("host", "kernel"));
                SearchWithHistogram both = index.searchWithHistogram(faceted, 12);
                TimeHistogram alone = index.histogram(SearchRequest.of(q), 12);
                assertEquals(index.search(faceted).facets(), both.result().facets(), q);
                assertArrayEquals(alone.counts(), both.histogram().counts(), "from the gathered matches: " + q);
                assertEquals(alone.from(), both.histogram().from(), q);
            }
            assertThrows(QueryException.class, () -> index.histogram(SearchRequest.of("kidn:x"), 10));
        }
    }
}
