package dev.daxray.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Mce;
import dev.daxray.events.Sigbus;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * Journal exports and dmesg --json read end to end: each framing, the fields a reader must accept in any
 * shape (byte arrays, nulls, repeated fields), boots by id, broken and cut-off entries reported by line,
 * and every line in one bucket.
 */
class JournalInputsTest {

    private static final String BOOT_A = "6c7c6013a26343b29e964691ff25d04c";
    private static final String BOOT_B = "0b1f2e3d4c5b6a798897a6b5c4d3e2f1";

    private static Timeline read(String name, byte[] bytes) {
        return Timeline.read(List.of(new CaptureInput(name, () -> new ByteArrayInputStream(bytes))), ScanOptions.defaults());
    }

    private static Timeline read(String name, String text) {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String kernel(String boot, long mono, String message) {
        return "{\"__CURSOR\":\"s=1;i=1;b=" + boot + "\",\"__REALTIME_TIMESTAMP\":\"" + (1795255200000000L + mono + 300)
                + "\",\"__MONOTONIC_TIMESTAMP\":\"" + (mono + 300) + "\",\"_BOOT_ID\":\"" + boot
                + "\",\"_TRANSPORT\":\"kernel\",\"PRIORITY\":\"3\",\"SYSLOG_IDENTIFIER\":\"kernel\",\"_HOSTNAME\":\"node7\","
                + "\"_SOURCE_MONOTONIC_TIMESTAMP\":\"" + mono + "\",\"MESSAGE\":" + message + "}\n";
    }

    private static void accounted(InputSummary s) {
        assertEquals(s.lines(), s.buckets().total(), s::toString);
    }

    @Test
    void jsonEntriesGiveKernelTimeHostWallAndBootsById() {
        String text = kernel(BOOT_A, 1_234_567_890, "\"Memory failure: 0x3f4a2c1: recovery action for dirty LRU page: Recovered\"")
                + kernel(BOOT_B, 5_000_000, "\"Memory failure: 0x3f4a2c2: recovery action for dirty LRU page: Recovered\"");
        Timeline t = read("j.json", text);
        InputSummary s = t.inputs().get(0);
        assertEquals("journal json", s.format());
        assertEquals(2, s.boots());
        accounted(s);
        MemoryFailure first = (MemoryFailure) t.events().get(0);
        assertEquals(1_234_567_890L, first.origin().micros(), "the kmsg time, as dmesg prints it");
        assertEquals("node7", first.origin().host());
        assertEquals("2026-11-21T10:20:34.567890Z", first.origin().wall(), "reception time moved back to the kmsg time");
        assertEquals(1, t.events().get(1).origin().boot());
    }

    @Test
    void aMessageMayBeBytesNullOrRepeatedAndStillBeRead() {
        // A task name is the user's: one byte that is no UTF-8 makes journald write MESSAGE as a byte array.
        byte[] head = "Memory failure: 0x3f4a2c2: Sending SIGBUS to fs".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "x:4242 due to hardware memory corruption".getBytes(StandardCharsets.UTF_8);
        StringBuilder bytes = new StringBuilder("[");
        for (byte b : head) {
            bytes.append(b & 0xff).append(',');
        }
        bytes.append(0xff);
        for (byte b : tail) {
            bytes.append(',').append(b & 0xff);
        }
        String text = kernel(BOOT_A, 1_000_000, bytes.append(']').toString())
                + kernel(BOOT_A, 2_000_000, "[\"Memory failure: 0x3f4a2c2: recovery action for dirty LRU page: Recovered\",null]")
                + kernel(BOOT_A, 3_000_000, "null");
        Timeline t = read("j.json", text);
        assertEquals(2, t.events().size(), t.events()::toString);
        Sigbus kill = (Sigbus) t.events().get(0);
        assertEquals("fs\ufffdx", kill.comm(), "the byte that is no UTF-8 is replaced, the rest read");
        assertEquals(Integer.valueOf(4242), kill.pid());
        assertTrue(t.events().get(1) instanceof MemoryFailure, t.events()::toString);
        assertEquals(1, t.inputs().get(0).buckets().chatter(), "the null MESSAGE (over 4 KiB without --all) has nothing to read");
        accounted(t.inputs().get(0));
    }

    @Test
    void systemd239SpacingSeqAndSseFramingsAreTheSameEntries() {
        String old = "{ \"__CURSOR\" : \"s=1\", \"__REALTIME_TIMESTAMP\" : \"1795255201000000\", \"__MONOTONIC_TIMESTAMP\" : "
                + "\"1000300\", \"_BOOT_ID\" : \"" + BOOT_A + "\", \"_TRANSPORT\" : \"kernel\", \"_SOURCE_MONOTONIC_TIMESTAMP\" : "
                + "\"1000000\", \"MESSAGE\" : \"Memory failure: 0x3f4a2c1: recovery action for dax page: Recovered\" }\n";
        assertEquals("journal json", read("old.json", old).inputs().get(0).format());
        assertEquals(1, read("old.json", old).events().size());
        Timeline seq = read("j.seq", "\u001e" + kernel(BOOT_A, 1_000_000, "\"Memory failure: 0x1: recovery action for dax page: Recovered\""));
        assertEquals("journal json-seq", seq.inputs().get(0).format());
        assertEquals(1, seq.events().size());
        Timeline sse = read("j.sse", "data: " + kernel(BOOT_A, 1_000_000, "\"Memory failure: 0x1: recovery action for dax page: Recovered\"") + "\n");
        assertEquals("journal json-sse", sse.inputs().get(0).format());
        assertEquals(1, sse.events().size());
        assertEquals(1, sse.inputs().get(0).buckets().context(), "the empty line after an SSE event");
    }

    @Test
    void aBrokenEntryIsUnparsedWithItsLineAndTheOthersAreRead() {
        String text = kernel(BOOT_A, 1_000_000, "\"Memory failure: 0x1: recovery action for dax page: Recovered\"")
                + "{\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"Memory failure: 0x2: recovery\n"
                + "$ journalctl -o json | tail\n"
                + kernel(BOOT_A, 3_000_000, "\"Memory failure: 0x3: recovery action for dax page: Recovered\"");
        Timeline t = read("j.json", text);
        InputSummary s = t.inputs().get(0);
        assertEquals(2, t.events().size());
        assertEquals(List.of(2L, 3L), s.unparsedSample().stream().map(InputSummary.Unparsed::line).toList());
        assertTrue(s.unparsedSample().get(1).text().startsWith("not a journal JSON entry: $ journalctl"), s::toString);
        accounted(s);
    }

    @Test
    void prettyEntriesSpanLinesAndACutOffOneIsReported() {
        String entry = "{\n\t\"__CURSOR\" : \"s=1\",\n\t\"_BOOT_ID\" : \"" + BOOT_A + "\",\n\t\"_TRANSPORT\" : \"kernel\",\n"
                + "\t\"_SOURCE_MONOTONIC_TIMESTAMP\" : \"7000000\",\n\t\"MESSAGE\" : [\n\t\t77,\n\t\t101\n\t],\n"
                + "\t\"__REALTIME_TIMESTAMP\" : \"1795255207000000\"\n}\n";
        String full = entry.replace("[\n\t\t77,\n\t\t101\n\t]", "\"Memory failure: 0x1: recovery action for dax page: Recovered\"");
        Timeline t = read("p.json", full + entry.substring(0, 40));
        InputSummary s = t.inputs().get(0);
        assertEquals("journal json-pretty", s.format());
        assertEquals(1, t.events().size());
        assertEquals(6L, t.events().get(0).origin().line(), "the MESSAGE line is the evidence");
        assertEquals(1, s.unparsed(), "the entry cut off at the end");
        accounted(s);
    }

    @Test
    void exportReadsBinaryFieldsByTheirLengthWhateverBytesTheyHold() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] message = "Memory failure: 0x3f4a2c1: recovery action for dax page: Recovered\nsecond\u0000line\r".getBytes(StandardCharsets.UTF_8);
        out.writeBytes(("__CURSOR=s=1;i=1\n__REALTIME_TIMESTAMP=1795255201000000\n__MONOTONIC_TIMESTAMP=1000300\n_BOOT_ID="
                + BOOT_A + "\n_TRANSPORT=kernel\n_SOURCE_MONOTONIC_TIMESTAMP=1000000\nMESSAGE\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(message.length).array());
        out.writeBytes(message);
        out.writeBytes("\n\n__CURSOR=s=1;i=2\nMESSAGE\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        out.writeBytes("cut".getBytes(StandardCharsets.UTF_8));
        Timeline t = read("j.export", out.toByteArray());
        InputSummary s = t.inputs().get(0);
        assertEquals("journal export", s.format());
        assertEquals(1, t.events().size(), t.events()::toString);
        assertEquals(7L, t.events().get(0).origin().line(), "MESSAGE's name line");
        assertEquals(1_000_000L, t.events().get(0).origin().micros());
        // lines as LF splits them: 7 field lines, the value's 2 LFs and its final LF, the empty line, 2 + the cut tail
        assertEquals(13, s.lines());
        assertEquals(List.of(12L), s.unparsedSample().stream().map(InputSummary.Unparsed::line).toList(),
                "the entry cut off inside its MESSAGE");
        accounted(s);
    }

    @Test
    void verboseEntriesAndABlobMessage() {
        String text = "Sat 2026-11-21 10:20:34.513146 UTC [s=d50b;i=3;b=" + BOOT_A + ";m=498c7f2a;t=660c66c98ac82;x=1d05]\n"
                + "    _BOOT_ID=" + BOOT_A + "\n    _TRANSPORT=kernel\n    _SOURCE_MONOTONIC_TIMESTAMP=1234513146\n"
                + "    MESSAGE=Memory failure: 0x219c200: recovery action for dax page: Recovered\n"
                + "Sat 2026-11-21 10:20:35.000000 UTC [s=d50b;i=4;b=" + BOOT_A + ";m=498c7f2b;t=660c66c98ac83;x=1d06]\n"
                + "    _TRANSPORT=kernel\n    MESSAGE=[47B blob data]\n";
        Timeline t = read("v.txt", text);
        InputSummary s = t.inputs().get(0);
        assertEquals("journal verbose", s.format());
        assertEquals(1, t.events().size());
        assertEquals(1_234_513_146L, t.events().get(0).origin().micros());
        assertEquals(List.of(8L), s.unparsedSample().stream().map(InputSummary.Unparsed::line).toList());
        accounted(s);
    }

    @Test
    void dmesgJsonOfUtilLinux238ReadingABufferIsCutAtTheNextRecord() {
        String text = "{\n   \"dmesg\": [\n      {\n         \"pri\": 3,\n         \"time\":  1234.567890,\n"
                + "         \"msg\": \"Memory failure: 0x3f4a2c1: recovery action for dirty LRU page: Recovered\\n<4>[ 1234.600000] "
                + "Memory failure: 0x3f4a2c1: recovery action for dirty LRU page: Recovered\\n\"\n      },{\n"
                + "         \"fac\": \"user\",\n         \"pri\": \"info\",\n         \"time\":  1300.000000,\n"
                + "         \"msg\": \"Memory failure: 0x1: recovery action for dax page: Recovered\"\n      }\n   ]\n}\n";
        Timeline t = read("d.json", text);
        InputSummary s = t.inputs().get(0);
        assertEquals("dmesg json", s.format());
        assertEquals(1, t.events().size(), "one verdict: the rest of the buffer is not this record's; a user record is not the kernel's");
        assertEquals(1_234_567_890L, t.events().get(0).origin().micros());
        accounted(s);
    }

    @Test
    void wallBroadcastsGiveTheirKernelLinesHostAndTime() {
        String text = "\r\n\u0007Message from syslogd@node7 at Nov 21 10:00:05 ...\r\n"
                + " kernel:[ 1234.567890] mce: [Hardware Error]: CPU 3: Machine Check Exception: 5 Bank 7: be00000000800400\n\r"
                + "\r\nBroadcast message from root@node7 on pts/1 (Sat 2026-11-21 10:00:06 UTC):\r\n\r\nMemory failure: 0x1: rebooting\r\n\r\n";
        Timeline t = read("tty.log", text);
        Event mce = t.events().get(0);
        assertTrue(mce instanceof Mce, t.events()::toString);
        assertEquals("node7", mce.origin().host());
        assertEquals("--11-21T10:00:05", mce.origin().wall());
        assertEquals(1, t.events().size(), "a person's wall text is no kernel message");
        assertNull(t.inputs().get(0).error());
        accounted(t.inputs().get(0));
    }
}
