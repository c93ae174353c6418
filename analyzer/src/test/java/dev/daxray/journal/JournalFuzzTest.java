package dev.daxray.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.fuzz.Limits;
import dev.daxray.timeline.InputSummary;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * The structured readers on any bytes after a start that makes the input theirs: a journal JSON entry
 * (json, seq, sse and pretty framings follow from the bytes), {@code __CURSOR=} (export, with binary
 * fields of any announced length), a verbose header, a {@code dmesg --json} document, an emergency
 * broadcast. Nothing throws; every line ends in one bucket; events point at lines of the input.
 */
class JournalFuzzTest {

    private static void read(String start, byte[] input) {
        Limits.within(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(start.getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(input);
            byte[] all = bytes.toByteArray();
            Timeline timeline = Timeline.read(List.of(new CaptureInput("fuzz", () -> new ByteArrayInputStream(all))),
                    ScanOptions.defaults());
            InputSummary summary = timeline.inputs().get(0);
            assertEquals(summary.lines(), summary.buckets().total(), summary::toString);
            assertTrue(summary.buckets().context() >= 0, summary::toString);
            for (Event event : timeline.events()) {
                assertTrue(event.origin().line() >= 1 && event.origin().endLine() <= Math.max(1, summary.lines()),
                        () -> "event outside the input: " + event);
            }
        });
    }

    @FuzzTest
    void json(byte[] input) {
        read("{\"__CURSOR\":\"s=1\",\"__REALTIME_TIMESTAMP\":\"1\",\"_BOOT_ID\":\"6c7c6013a26343b29e964691ff25d04c\","
                + "\"_TRANSPORT\":\"kernel\",\"MESSAGE\":\"x\"}\n", input);
    }

    @FuzzTest
    void export(byte[] input) {
        read("__CURSOR=", input);
    }

    @FuzzTest
    void verbose(byte[] input) {
        read("Sat 2026-11-21 10:20:34.513146 UTC [s=d50b;i=3;b=6c7c6013a26343b29e964691ff25d04c;m=498c7f2a;t=660c66c98ac82]\n",
                input);
    }

    @FuzzTest
    void dmesgJson(byte[] input) {
        read("{\n   \"dmesg\": [\n", input);
    }

    @FuzzTest
    void wall(byte[] input) {
        read("Message from syslogd@node7 at Nov 21 10:00:05 ...\n", input);
    }
}
