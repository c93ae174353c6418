package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.Binary;
import dev.daxray.capture.CaptureInput;
import dev.daxray.families.shipped.Families;

/** Binary data is told from text before any parser sees it, and its lines are counted, never dropped. */
class BinaryInputTest {

    private static Timeline read(byte[] bytes, ReadListener listener) {
        return Timeline.read(List.of(new CaptureInput("blob", () -> new ByteArrayInputStream(bytes))),
                ScanOptions.defaults(), Families.standard(), listener);
    }

    @Test
    void randomBytesAreABinaryInputWhoseLinesAreAllCounted() {
        byte[] bytes = new byte[1 << 20];
        new Random(7).nextBytes(bytes);
        List<LineFate> fates = new ArrayList<>();
        ReadListener listener = new ReadListener() {
            @Override
            public void line(long line, LineFate fate) {
                fates.add(fate);
            }
        };
        InputSummary summary = read(bytes, listener).inputs().get(0);
        assertEquals("binary (not a text capture)", summary.format());
        assertEquals(summary.lines(), fates.size());
        assertEquals(summary.lines(), summary.buckets().total());
        assertEquals(0, summary.events());
        long unparsed = fates.stream().filter(f -> f == LineFate.UNPARSED).count();
        assertTrue(unparsed * 100 > summary.lines() * 95, "binary lines are unparsed: " + summary.buckets());
        assertEquals(summary.buckets().unparsed(), summary.unparsed());
    }

    @Test
    void aBinaryLineInATextCaptureIsUnparsedAndTheRestIsRead() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("[   12.000000] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {0x01, 0x02, 'x', 0x03, 0x1f, (byte) 0xfe, '\n'});
        out.writeBytes("[   13.000000] e1000e: eth0 NIC Link is Up\n".getBytes(StandardCharsets.UTF_8));
        Timeline timeline = read(out.toByteArray(), ReadListener.NONE);
        InputSummary summary = timeline.inputs().get(0);
        assertEquals("dmesg", summary.format());
        assertEquals(1, timeline.events().size());
        assertEquals(1, summary.unparsed());
        assertEquals(2, summary.unparsedSample().get(0).line());
        assertEquals(new dev.daxray.capture.LineBuckets(1, 0, 1, 0, 1), summary.buckets());
    }

    @Test
    void textWithTabsEscapesAndAStrayControlByteIsNotBinary() {
        byte[] escapes = bytes("\tkernel: \u001b[31mred\u001b[0m\b\u0007 text\f\u000b");
        assertFalse(Binary.line(escapes, 0, escapes.length));
        String longLine = "x".repeat(100) + "\u0001" + "y".repeat(100);
        assertFalse(Binary.line(bytes(longLine), 0, longLine.length()), "one control byte in 200 is a glitch, not binary");
        assertTrue(Binary.line(bytes("\u0001\u0002abc"), 0, 5));
        byte[] utf8 = "Température du processeur élevée: 95°C — throttling".getBytes(StandardCharsets.UTF_8);
        assertFalse(Binary.line(utf8, 0, utf8.length), "UTF-8 text");
        byte[] latin1 = "Température du processeur élevée: 95°C, throttling".getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(Binary.line(latin1, 0, latin1.length), "Latin-1 text with a few accents");
        byte[] high = new byte[64];
        new Random(3).nextBytes(high);
        for (int i = 0; i < high.length; i++) {
            high[i] = (byte) (high[i] | 0x80); // no control byte at all, but no UTF-8 either
        }
        assertTrue(Binary.line(high, 0, high.length));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
