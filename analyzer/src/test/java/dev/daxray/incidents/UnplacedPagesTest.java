package dev.daxray.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.daxray.address.AddressMap;

/**
 * Pages that cannot be placed on a namespace for the same reason are said once, in the summary and in the
 * text's locations: a burst of 512 pages without a layout is one sentence and one line, not 512 copies of
 * what to add to the bundle. Placed pages keep a line each.
 */
class UnplacedPagesTest {

    private static List<String> pfns(int count) {
        return IntStream.range(0, count).mapToObj(i -> "0x" + Long.toHexString(0x3c1b000L + i)).toList();
    }

    @Test
    void aBurstWithoutALayoutIsOneSentence() {
        IncidentLocations.Placed placed = IncidentLocations.place(pfns(64), 512, true, AddressMap.empty());
        assertEquals(List.of("None of the 512 pages can be placed on a namespace: " + IncidentLocations.NO_LAYOUT + "."),
                placed.sentences());
        assertEquals(64, placed.locations().size(), "the data keeps a location per listed page");
    }

    @Test
    void oneUnplacedPageIsNamed() {
        IncidentLocations.Placed placed = IncidentLocations.place(pfns(1), 1, true, AddressMap.empty());
        assertEquals(List.of("pfn 0x3c1b000 cannot be placed on a namespace: " + IncidentLocations.NO_LAYOUT + "."),
                placed.sentences());
    }

    @Test
    void textGroupsRunsOfTheSameReasonAndKeepsPlacedPages() {
        Incident.Location placed = new Incident.Location("0x10", "0x10000", "namespace0.0", "region0", 8L, 16L, null,
                false, null);
        List<Incident.Location> locations = List.of(unplaced("0x1", "a"), unplaced("0x2", "a"), unplaced("0x3", "a"),
                placed, unplaced("0x20", "a"), unplaced("0x21", "b"));
        assertEquals(List.of("pfn 0x1 to 0x3 (3 pages): not placed; needed: a",
                "pfn 0x10: namespace0.0 sector 8 (region0 sector 16), no listed badblock",
                "pfn 0x20: not placed; needed: a",
                "pfn 0x21: not placed; needed: b"), IncidentText.locations(locations));
    }

    private static Incident.Location unplaced(String pfn, String needed) {
        return new Incident.Location(pfn, null, null, null, null, null, null, false, needed);
    }
}
