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

    @Test
    void aRunOfNulsLongerThanALineDoesNotSwallowTheLineAfterIt() throws IOException {
        // An unclean shutdown leaves a hole of NULs in the log; the next line is written right after it.
        String kernel = "[   12.000000] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered";
        byte[] nuls = new byte[3 * LineSplitter.MAX_LINE];
        LineSplitter.Stats stats = split(concat("first\n".getBytes(StandardCharsets.UTF_8), nuls,
                (kernel + "\nlast\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("1:first", "2:" + kernel, "3:last"), lines);
        assertEquals(nuls.length, stats.nulBytes());
        assertEquals(0, stats.truncatedLines());
    }

    @Test
    void nulsOnTheirOwnLinesAndAtTheEndAreCounted() throws IOException {
        LineSplitter.Stats stats = split(concat(new byte[2 * LineSplitter.MAX_LINE], "\nx\n".getBytes(StandardCharsets.UTF_8),
                new byte[LineSplitter.MAX_LINE + 5]));
        assertEquals(List.of("1:", "2:x", "3:"), lines);
        assertEquals(3L * LineSplitter.MAX_LINE + 5, stats.nulBytes());
    }

    @Test
    void aLineLongWithoutItsNulsIsStillCut() throws IOException {
        String text = "z".repeat(LineSplitter.MAX_LINE + 3);
        LineSplitter.Stats stats = split(concat(new byte[100], text.getBytes(StandardCharsets.UTF_8), new byte[100],
                "\nnext".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, lines.size());
        assertEquals("1:" + "z".repeat(LineSplitter.MAX_LINE), lines.get(0));
        assertEquals("2:next", lines.get(1));
        assertEquals(1, stats.truncatedLines());
    }

    @Test
    void dropsAByteOrderMarkAtTheStartOnly() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        split(concat(bom, "[    0.000000] Linux version 6.8.0\n".getBytes(StandardCharsets.UTF_8), bom,
                "x\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("1:[    0.000000] Linux version 6.8.0", "2:\uFEFFx"), lines);
        lines.clear();
        split(bom);
        assertEquals(List.of(), lines, "a stream that is only a byte order mark has no line");
        lines.clear();
        split(new byte[] {(byte) 0xef, 'a', '\n'});
        assertEquals(List.of("1:\uFFFDa"), lines, "a partial mark is content");
    }

    @Test
    void findsTheByteOrderMarkInAStreamThatTricklesInByteByByte() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "a\nb".getBytes(StandardCharsets.UTF_8));
        java.io.InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        LineSplitter.split(trickle, (buf, off, len, no) -> lines.add(no + ":" + new String(buf, off, len, StandardCharsets.UTF_8)));
        assertEquals(List.of("1:a", "2:b"), lines);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
