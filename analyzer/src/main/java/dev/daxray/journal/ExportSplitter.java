package dev.daxray.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.daxray.capture.LineSplitter;

/**
 * Splits {@code journalctl -o export} into lines the way {@link LineSplitter} splits any input (a line
 * ends at LF; NULs removed and counted; a line cut at {@link LineSplitter#MAX_LINE}; trailing CRs
 * dropped), except that a binary field is read by its framing: a line that is a bare field name is
 * followed by a 64-bit little-endian byte count, that many raw bytes and a LF. Those bytes can hold
 * LF, NUL and CR, so they are handed over whole ({@link BinaryHandler}) with the lines they span, and
 * line numbers stay those of any other reader of the file.
 *
 * <p>Memory: one buffer and at most {@link #MAX_VALUE} bytes of one value, whatever the count says.
 */
public final class ExportSplitter {

    /** Bytes of a binary value kept; the rest is read past (its lines still counted) and the value marked cut. */
    public static final int MAX_VALUE = 64 * 1024;

    /** Receives a binary field: its name's line through the line its value's final LF ends. */
    @FunctionalInterface
    public interface BinaryHandler {
        /**
         * @param cut    the value was longer than {@link #MAX_VALUE} or the input ended inside it
         * @param framed the value ended with the LF the format puts after it
         */
        void field(String name, byte[] value, boolean cut, boolean framed, long nameLine, long lastLine);
    }

    private static final int BUFFER = 1 << 16;
    private static final int LENGTH_BYTES = 8;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;
    private long bytes;
    private final byte[] line = new byte[LineSplitter.MAX_LINE];
    private long nuls;
    private long truncated;

    private ExportSplitter(InputStream in) {
        this.in = in;
    }

    /** Whether {@code head} (the first bytes of an input) is the start of a journal export. */
    public static boolean looksLikeExport(byte[] head, int len) {
        byte[] cursor = "__CURSOR=".getBytes(StandardCharsets.US_ASCII);
        if (len < cursor.length) {
            return false;
        }
        for (int i = 0; i < cursor.length; i++) {
            if (head[i] != cursor[i]) {
                return false;
            }
        }
        return true;
    }

    public static LineSplitter.Stats split(InputStream in, LineSplitter.LineHandler lines, BinaryHandler binary)
            throws IOException {
        return new ExportSplitter(in).run(lines, binary);
    }

    private LineSplitter.Stats run(LineSplitter.LineHandler lines, BinaryHandler binary) throws IOException {
        long lineNo = 0;
        while (true) {
            int len = readLine();
            if (len < 0) {
                break;
            }
            lineNo++;
            if (newline && isFieldName(len)) {
                lineNo = binary(new String(line, 0, len, StandardCharsets.US_ASCII), lineNo, binary);
            } else {
                while (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                lines.line(line, 0, len, lineNo);
            }
        }
        return new LineSplitter.Stats(lineNo, bytes, truncated, nuls);
    }

    /** Set by {@link #readLine}: the line ended with LF (not at the end of input). */
    private boolean newline;

    /** Reads the next line into {@link #line} (NULs removed, cut at the limit); its length, or -1 at the end. */
    private int readLine() throws IOException {
        int len = 0;
        boolean any = false;
        boolean cut = false;
        while (true) {
            int b = next();
            if (b < 0) {
                newline = false;
                if (cut) {
                    truncated++;
                }
                return any ? len : -1;
            }
            any = true;
            if (b == '\n') {
                newline = true;
                if (cut) {
                    truncated++;
                }
                return len;
            }
            if (b == 0) {
                nuls++;
            } else if (len < line.length) {
                line[len++] = (byte) b;
            } else {
                cut = true;
            }
        }
    }

    /** A value line of a binary field: returns the number of the line its final LF ends. */
    private long binary(String name, long nameLine, BinaryHandler handler) throws IOException {
        long lineNo = nameLine;
        boolean partial = false;
        long count = 0;
        for (int i = 0; i < LENGTH_BYTES; i++) {
            int b = next();
            if (b < 0) {
                handler.field(name, new byte[0], true, false, nameLine, lineNo + (partial ? 1 : 0));
                return lineNo + (partial ? 1 : 0);
            }
            count |= (long) b << (8 * i);
            if (b == '\n') {
                lineNo++;
                partial = false;
            } else {
                partial = true;
            }
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        boolean cut = false;
        for (long i = 0; Long.compareUnsigned(i, count) < 0; i++) {
            int b = next();
            if (b < 0) {
                handler.field(name, value.toByteArray(), true, false, nameLine, lineNo + (partial ? 1 : 0));
                return lineNo + (partial ? 1 : 0);
            }
            if (value.size() < MAX_VALUE) {
                value.write(b);
            } else {
                cut = true;
            }
            if (b == '\n') {
                lineNo++;
                partial = false;
            } else {
                partial = true;
            }
        }
        int b = next();
        boolean framed = b == '\n';
        boolean tail = partial;
        while (b >= 0 && b != '\n') {
            tail = true;
            b = next();
        }
        lineNo += b == '\n' || tail ? 1 : 0;
        handler.field(name, value.toByteArray(), cut, framed, nameLine, lineNo);
        return lineNo;
    }

    /** A line that is a journal field name ({@code [A-Z0-9_]+}, not starting with a digit) and nothing else. */
    private boolean isFieldName(int len) {
        if (len == 0 || len > 64 || (line[0] >= '0' && line[0] <= '9')) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            byte c = line[i];
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private int next() throws IOException {
        if (pos == end) {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return -1;
            }
            bytes += n;
            pos = 0;
            end = n;
        }
        return buf[pos++] & 0xff;
    }
}
