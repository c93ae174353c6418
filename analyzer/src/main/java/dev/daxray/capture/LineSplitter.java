package dev.daxray.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines without decoding it: the hot loop of the whole tool.
 *
 * <p>A line ends at LF; trailing CRs are dropped (CRLF and serial consoles' CRCRLF), NUL bytes are
 * removed and counted (an unclean shutdown leaves runs of them in a log, often many kilobytes long
 * and followed by the next line without a newline), a line still longer than {@link #MAX_LINE}
 * bytes once its NULs are gone is cut there and counted, a UTF-8 byte order mark at the start of the
 * stream is dropped, and a last line without a newline is still a line. Memory is one buffer,
 * whatever the input size.
 */
public final class LineSplitter {

    /** Longest line kept, in bytes (NULs not counted); the rest of a longer line is dropped and the line counted. */
    public static final int MAX_LINE = 64 * 1024;

    private static final int BUFFER = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    /** Receives each line as a slice of the splitter's buffer, valid only during the call. */
    @FunctionalInterface
    public interface LineHandler {
        void line(byte[] buf, int off, int len, long lineNo);
    }

    /** What the splitter had to repair. */
    public record Stats(long lines, long bytes, long truncatedLines, long nulBytes) {
    }

    /** A NUL byte was passed since the current line started (or since its NULs were last squeezed out). */
    private boolean sawNul;
    /** NULs already squeezed out of the current line while it was still growing. */
    private long lineNuls;
    private long nuls;
    private long truncated;

    private LineSplitter() {
    }

    public static Stats split(InputStream in, LineHandler handler) throws IOException {
        return new LineSplitter().run(in, handler);
    }

    private Stats run(InputStream in, LineHandler handler) throws IOException {
        byte[] buf = new byte[BUFFER];
        int end = in.readNBytes(buf, 0, BOM.length);   // end of valid data in buf
        long bytes = end;
        int start = bomLength(buf, end);                // start of the current line in buf
        long lineNo = 0;
        boolean skipping = false;   // dropping the tail of an over-long line
        int scan = start;
        while (true) {
            int newline = indexOf(buf, scan, end);
            if (newline >= 0) {
                if (!skipping) {
                    deliver(buf, start, newline - start, ++lineNo, handler);
                }
                skipping = false;
                sawNul = false;
                lineNuls = 0;
                start = newline + 1;
                scan = start;
                continue;
            }
            // No newline in buf[scan, end): keep the partial line and read more.
            if (!skipping && end - start > MAX_LINE && sawNul) {
                end = start + squeezeNuls(buf, start, end);
            }
            if (!skipping && end - start > MAX_LINE) {
                deliver(buf, start, end - start, ++lineNo, handler);
                skipping = true;
            }
            if (skipping) {
                start = end;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            scan = end;
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                break;
            }
            bytes += read;
            end += read;
        }
        if ((end > start || lineNuls > 0) && !skipping) { // a tail of NULs is a line too, so they are counted
            deliver(buf, start, end - start, ++lineNo, handler);
        }
        return new Stats(lineNo, bytes, truncated, nuls);
    }

    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    /** 3 when {@code buf[0, length)} starts with a UTF-8 byte order mark, else 0. */
    private static int bomLength(byte[] buf, int length) {
        if (length < BOM.length) {
            return 0;
        }
        for (int i = 0; i < BOM.length; i++) {
            if (buf[i] != BOM[i]) {
                return 0;
            }
        }
        return BOM.length;
    }

    /**
     * The next LF in {@code buf[from, to)}, eight bytes at a time, or -1. Sets {@link #sawNul} when
     * a NUL byte is passed on the way, so lines without one skip the NUL-stripping copy.
     */
    private int indexOf(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(buf, i);
            long newline = zeroBytes(word ^ NEWLINES);
            long nul = zeroBytes(word);
            if ((newline | nul) != 0) {
                for (int j = i; j < i + 8; j++) {
                    if (buf[j] == '\n') {
                        return j;
                    }
                    if (buf[j] == 0) {
                        sawNul = true;
                    }
                }
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
            if (buf[i] == 0) {
                sawNul = true;
            }
        }
        return -1;
    }

    /** High bit set in each byte of the result where {@code word} has a zero byte (exact for the lowest). */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }

    /** Removes the NUL bytes of {@code buf[off, end)} in place; returns the length left. */
    private int squeezeNuls(byte[] buf, int off, int end) {
        int w = off;
        for (int r = off; r < end; r++) {
            byte b = buf[r];
            if (b != 0) {
                buf[w++] = b;
            }
        }
        lineNuls += end - w;
        sawNul = false;
        return w - off;
    }

    /** Strips NUL bytes, cuts the line at {@link #MAX_LINE} (counted), strips trailing CRs, and hands it over. */
    private void deliver(byte[] buf, int off, int len, long lineNo, LineHandler handler) {
        int n = sawNul ? squeezeNuls(buf, off, off + len) : len;
        nuls += lineNuls;
        lineNuls = 0;
        if (n > MAX_LINE) {
            n = MAX_LINE;
            truncated++;
        }
        while (n > 0 && buf[off + n - 1] == '\r') {
            n--;
        }
        handler.line(buf, off, n, lineNo);
    }
}
