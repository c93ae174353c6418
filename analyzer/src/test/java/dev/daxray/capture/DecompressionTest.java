package dev.daxray.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import io.airlift.compress.zstd.ZstdCompressor;

class DecompressionTest {

    private static final String TEXT = "[ 2439.761866] Memory failure: 0x1850602: recovery action for dax page: Recovered\n";

    @FunctionalInterface
    interface Wrapper {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(Wrapper wrapper) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = wrapper.wrap(bytes)) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String read(byte[] bytes) throws IOException {
        return new String(Decompression.open(new ByteArrayInputStream(bytes)).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void readsGzip() throws IOException {
        assertEquals(TEXT, read(compress(GZIPOutputStream::new)));
    }

    @Test
    void readsConcatenatedGzipMembers() throws IOException {
        byte[] one = compress(GZIPOutputStream::new);
        byte[] two = new byte[one.length * 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        assertEquals(TEXT + TEXT, read(two));
    }

    @Test
    void readsXz() throws IOException {
        assertEquals(TEXT, read(compress(out -> new XZOutputStream(out, new LZMA2Options()))));
    }

    @Test
    void readsBzip2() throws IOException {
        assertEquals(TEXT, read(compress(BZip2CompressorOutputStream::new)));
    }

    @Test
    void readsZstd() throws IOException {
        byte[] input = TEXT.getBytes(StandardCharsets.UTF_8);
        ZstdCompressor compressor = new ZstdCompressor();
        byte[] output = new byte[compressor.maxCompressedLength(input.length)];
        int length = compressor.compress(input, 0, input.length, output, 0, output.length);
        byte[] frame = java.util.Arrays.copyOf(output, length);
        assertEquals(TEXT, read(frame));
    }

    @Test
    void passesPlainTextThroughWhateverItsName() throws IOException {
        assertEquals(TEXT, read(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals("", read(new byte[0]));
        assertEquals("B", read("B".getBytes(StandardCharsets.UTF_8)));
    }
}
