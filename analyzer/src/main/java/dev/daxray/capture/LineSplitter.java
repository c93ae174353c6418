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
 * removed and counted, a line longer than {@link #MAX_LINE} bytes is cut there and counted, and a
 * last line without a newline is still a line. Memory is one buffer, whatever the input size.
 */
public final class LineSplitter {

    /** Longest line kept, in bytes; the rest of a longer line is dropped and the line counted. */
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

    /** A NUL byte was passed since the last line was delivered. */
    private boolean sawNul;

    private LineSplitter() {
    }

    public static Stats split(InputStream in, LineHandler handler) throws IOException {
        return new LineSplitter().run(in, handler);
    }

    private Stats run(InputStream in, LineHandler handler) throws IOException {
        byte[] buf = new byte[BUFFER];
        int start = 0;      // start of the current line in buf
        int end = 0;        // end of valid data in buf
        long lineNo = 0;
        long bytes = 0;
        long truncated = 0;
        long nuls = 0;
        boolean skipping = false;   // dropping the tail of an over-long line
        int scan = 0;
        while (true) {
            int newline = indexOf(buf, scan, end);
            if (newline >= 0) {
                if (!skipping) {
                    int len = newline - start;
                    if (len > MAX_LINE) {
                        len = MAX_LINE;
                        truncated++;
                    }
                    nuls += deliver(buf, start, len, ++lineNo, handler);
                } else {
                    skipping = false;
                }
                start = newline + 1;
                scan = start;
                continue;
            }
            // No newline in buf[scan, end): keep the partial line and read more.
            if (!skipping && end - start > MAX_LINE) {
                nuls += deliver(buf, start, MAX_LINE, ++lineNo, handler);
                truncated++;
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
        if (end > start && !skipping) {
            nuls += deliver(buf, start, end - start, ++lineNo, handler);
        }
        return new Stats(lineNo, bytes, truncated, nuls);
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


    /** Strips trailing CRs and NUL bytes, hands the line over, returns the NULs removed. */
    private int deliver(byte[] buf, int off, int len, long lineNo, LineHandler handler) {
        int n = len;
        while (n > 0 && buf[off + n - 1] == '\r') {
            n--;
        }
        if (!sawNul) {
            handler.line(buf, off, n, lineNo);
            return 0;
        }
        sawNul = false;
        int nuls = 0;
        int w = off;
        for (int r = off; r < off + n; r++) {
            byte b = buf[r];
            if (b == 0) {
                nuls++;
            } else {
                buf[w++] = b;
            }
        }
        handler.line(buf, off, w - off, lineNo);
        return nuls;
    }
}
