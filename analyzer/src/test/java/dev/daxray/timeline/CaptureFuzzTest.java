package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.capture.CaptureInput;
import dev.daxray.fuzz.Limits;

/**
 * A whole input as daxray reads it: decompression (gzip, xz, zstd, bzip2, recognised by magic bytes,
 * broken streams included), the line splitter, the envelope, every family, the device readers and
 * bpftrace. Nothing throws; every line ends in exactly one bucket.
 */
class CaptureFuzzTest {

    @FuzzTest
    void capture(byte[] input) {
        Limits.within(() -> {
            Timeline timeline = Timeline.read(List.of(new CaptureInput("fuzz", () -> new ByteArrayInputStream(input))),
                    ScanOptions.defaults());
            InputSummary summary = timeline.inputs().get(0);
            assertEquals(summary.lines(), summary.buckets().total(), summary::toString);
            assertTrue(summary.buckets().context() >= 0, summary::toString);
        });
    }
}
