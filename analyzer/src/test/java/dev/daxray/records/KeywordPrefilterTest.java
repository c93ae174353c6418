package dev.daxray.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeywordPrefilterTest {

    private final KeywordPrefilter prefilter = new KeywordPrefilter(List.of(
            List.of("Memory failure", "MCE "),
            List.of("mce: ", "Machine check"),
            List.of("XFS")));

    private long match(String line) {
        byte[] bytes = ("junk" + line + "junk").getBytes(StandardCharsets.US_ASCII);
        return prefilter.match(bytes, 4, bytes.length - 8);
    }

    @Test
    void setsTheBitOfEveryFamilyWhoseKeywordOccurs() {
        assertEquals(0b001, match("[ 1.0] Memory failure: 0x1: x"));
        assertEquals(0b010, match("[ 1.0] mce: [Hardware Error]: Machine check events logged"));
        assertEquals(0b101, match("XFS (pmem0): MCE 0x1: y"));
        assertEquals(0b100, match("XFS"));
    }

    @Test
    void findsNothingInOrdinaryLines() {
        assertEquals(0, match("[    1.234567] e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex"));
        assertEquals(0, match(""));
        assertEquals(0, match("M"));
    }

    @Test
    void staysWithinTheLineItWasGiven() {
        // "junkXF" + "S": a keyword straddling the slice end must not match.
        byte[] bytes = "XFXFS".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, prefilter.match(bytes, 0, 4));
        assertEquals(0b100, prefilter.match(bytes, 2, 3));
        assertEquals(0, prefilter.match(bytes, 3, 2));
    }

    @Test
    void rejectsKeywordsTooShortToAnchor() {
        assertThrows(IllegalArgumentException.class, () -> new KeywordPrefilter(List.of(List.of("XF"))));
    }

    @Test
    void findsKeywordsAtEveryOffsetParity() {
        for (int pad = 0; pad < 6; pad++) {
            for (String keyword : List.of("Memory failure", "MCE ", "XFS", "Machine check")) {
                String line = "x".repeat(pad) + keyword + "y".repeat(pad);
                assertEquals(true, match(line) != 0, "[" + line + "]");
            }
        }
    }
}
