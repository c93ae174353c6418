package dev.daxray.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

import io.airlift.compress.zstd.ZstdInputStream;

/**
 * Undoes gzip, xz, zstd and bzip2 compression, recognised by magic bytes (file names lie).
 * Concatenated gzip members, as log rotation makes, are read as one stream.
 */
public final class Decompression {

    /** A compression format and the bytes that start it. */
    public enum Format {
        NONE(new int[0]),
        GZIP(new int[] {0x1f, 0x8b}),
        XZ(new int[] {0xfd, '7', 'z', 'X', 'Z', 0x00}),
        ZSTD(new int[] {0x28, 0xb5, 0x2f, 0xfd}),
        BZIP2(new int[] {'B', 'Z', 'h'});

        private final int[] magic;

        Format(int[] magic) {
            this.magic = magic;
        }

        boolean matches(byte[] head, int length) {
            if (magic.length == 0 || length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((head[i] & 0xff) != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final int BUFFER = 1 << 16;

    private Decompression() {
    }

    /** The stream's format, judged from its first bytes; the stream is left where it was. */
    public static Format detect(BufferedInputStream in) throws IOException {
        byte[] head = new byte[6];
        in.mark(head.length);
        int length = in.readNBytes(head, 0, head.length);
        in.reset();
        for (Format format : Format.values()) {
            if (format.matches(head, length)) {
                return format;
            }
        }
        return Format.NONE;
    }

    /**
     * A buffered stream (mark and reset work) whose reads never lose bytes to a later error in the
     * same call; use it, not the JDK's, over a stream that may break mid-way.
     */
    public static BufferedInputStream buffered(InputStream in) {
        return new OneReadBuffer(in, BUFFER);
    }

    /** The decompressed content of {@code raw} (or {@code raw} itself when it is not compressed). */
    public static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new OneReadBuffer(raw, BUFFER);
        return switch (detect(in)) {
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case XZ -> new XZInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case NONE -> in;
        };
    }

    /**
     * A buffer whose {@code read(byte[], int, int)} makes at most one read of its source. The JDK's
     * keeps reading while the source says more is available, and an error on a later read (a
     * truncated gzip under this stream) then loses the bytes the earlier reads of the same call
     * had already copied out: the caller would never see the lines before the break.
     */
    private static final class OneReadBuffer extends BufferedInputStream {

        OneReadBuffer(InputStream in, int size) {
            super(in, size);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos >= count) {
                if (len >= buf.length && markpos < 0 && in != null) {
                    return in.read(b, off, len);    // large reads go straight to the caller's array, once
                }
                int n = super.read(b, off, 1);   // one read of the source (into the buffer), one byte out
                if (n <= 0) {
                    return n;
                }
                return 1 + take(b, off + 1, len - 1);
            }
            return take(b, off, len);
        }

        private int take(byte[] b, int off, int len) {
            int n = Math.min(len, count - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
