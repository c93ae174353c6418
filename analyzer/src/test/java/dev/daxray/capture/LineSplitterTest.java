package dev.daxray.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private final List<String> lines = new ArrayList<>();

    private LineSplitter.Stats split(byte[] bytes) throws IOException {
        return LineSplitter.split(new ByteArrayInputStream(bytes),
                (buf, off, len, no) -> lines.add(no + ":" + new String(buf, off, len, StandardCharsets.UTF_8)));
    }

    private LineSplitter.Stats split(String text) throws IOException {
        return split(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsOnNewlinesAndKeepsALastLineWithoutOne() throws IOException {
        LineSplitter.Stats stats = split("a\nb\nc");
        assertEquals(List.of("1:a", "2:b", "3:c"), lines);
        assertEquals(3, stats.lines());
    }

    @Test
    void dropsCarriageReturnsBeforeTheNewline() throws IOException {
        split("a\r\nb\r\r\nc\r");
        assertEquals(List.of("1:a", "2:b", "3:c"), lines);
    }

    @Test
    void removesAndCountsNulBytes() throws IOException {
        LineSplitter.Stats stats = split("\0\0\0a\0b\n");
        assertEquals(List.of("1:ab"), lines);
        assertEquals(4, stats.nulBytes());
    }

    @Test
    void keepsEmptyLinesAndReadsEmptyInput() throws IOException {
        split("\n\nx\n");
        assertEquals(List.of("1:", "2:", "3:x"), lines);
        lines.clear();
        assertEquals(0, split("").lines());
        assertEquals(List.of(), lines);
    }

    @Test
    void truncatesOverlongLinesAndCountsThem() throws IOException {
        String longLine = "x".repeat(LineSplitter.MAX_LINE + 10);
        LineSplitter.Stats stats = split(longLine + "\nnext\n");
        assertEquals(2, lines.size());
        assertEquals(LineSplitter.MAX_LINE + 2, lines.get(0).length());
        assertEquals("2:next", lines.get(1));
        assertEquals(1, stats.truncatedLines());
    }

    @Test
    void truncatesALineLongerThanTheReadBuffer() throws IOException {
        String huge = "y".repeat(3 * 1024 * 1024);
        LineSplitter.Stats stats = split("first\n" + huge + "\nlast");
        assertEquals(3, lines.size());
        assertEquals("3:last", lines.get(2));
        assertEquals(1, stats.truncatedLines());
    }

    @Test
    void findsLinesAcrossBufferBoundaries() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("[").append(i).append(".000000] line number ").append(i).append('\n');
        }
        LineSplitter.Stats stats = split(text.toString());
        assertEquals(50_000, stats.lines());
        assertEquals("50000:[49999.000000] line number 49999", lines.get(49_999));
        assertEquals("1:[0.000000] line number 0", lines.get(0));
    }

    @Test
    void passesInvalidUtf8Through() throws IOException {
        split(new byte[] {'a', (byte) 0xff, 'b', '\n'});
        assertEquals("1:a\uFFFDb", lines.get(0));
    }
}
