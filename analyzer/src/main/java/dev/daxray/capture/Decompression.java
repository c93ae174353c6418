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

    /** The decompressed content of {@code raw} (or {@code raw} itself when it is not compressed). */
    public static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        return switch (detect(in)) {
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case XZ -> new XZInputStream(in);
            case ZSTD -> new ZstdInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case NONE -> in;
        };
    }
}
