package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Boot;
import dev.daxray.events.Dropped;
import dev.daxray.events.Event;

class TimelineTest {

    private static CaptureInput text(String name, String... lines) {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new CaptureInput(name, () -> new ByteArrayInputStream(bytes));
    }

    private static Timeline read(CaptureInput... inputs) {
        return Timeline.read(List.of(inputs), ScanOptions.defaults());
    }

    @Test
    void countsLinesEventsAndUnparsedLinesPerInput() {
        Timeline timeline = read(text("dmesg.log",
                "# dmesg",
                "[    0.000000] Linux version 6.8.0-31-generic (buildd@lcy02) #31-Ubuntu SMP",
                "[    1.000000] e1000e: eth0 NIC Link is Up",
                "....",
                "[    2.000000] ** 3 printk messages dropped **"));
        InputSummary summary = timeline.inputs().get(0);
        assertEquals("dmesg", summary.format());
        assertEquals(5, summary.lines());
        assertEquals(2, summary.events());
        assertEquals(2, summary.unparsed());
        assertEquals(List.of(new InputSummary.Unparsed(1, "# dmesg"), new InputSummary.Unparsed(4, "....")),
                summary.unparsedSample());
        assertNull(summary.error());
        Boot boot = (Boot) timeline.events().get(0);
        assertEquals("6.8.0-31-generic", boot.release());
        Dropped dropped = (Dropped) timeline.events().get(1);
        assertEquals("6.8.0-31-generic", dropped.origin().kernel());
        assertEquals(2_000_000L, dropped.origin().micros());
    }

    @Test
    void consoleCapturesWithoutPrefixesHaveNoUnparsedLines() {
        Timeline timeline = read(text("console.log",
                "Linux version 6.1.0 (root@qemu) #1 SMP",
                "NOTICE:  SEA Handle",
                "devtmpfs: mounted"));
        assertEquals("console", timeline.inputs().get(0).format());
        assertEquals(0, timeline.inputs().get(0).unparsed());
        assertEquals(1, timeline.events().size());
    }

    @Test
    void aBinaryFileIsReportedAsSuchWithItsLinesUnparsed() {
        byte[] bytes = new byte[4000];
        new java.util.Random(7).nextBytes(bytes);
        Timeline timeline = read(new CaptureInput("core.bin", () -> new ByteArrayInputStream(bytes)));
        InputSummary summary = timeline.inputs().get(0);
        assertEquals("binary (not a text capture)", summary.format());
        assertTrue(summary.unparsed() > 0 && summary.unparsed() >= summary.lines() - 2, summary.toString());
    }

    @Test
    void numbersBootsAtBannersAndWhenTheClockRestarts() {
        Timeline timeline = read(text("two-boots.log",
                "[    0.000000] Linux version 6.1.0 (a@b) #1",
                "[  100.000000] ** 1 printk messages dropped **",
                "[    0.000000] Linux version 6.6.0 (a@b) #2",
                "[   50.000000] ** 2 printk messages dropped **",
                "[    3.000000] ** 3 printk messages dropped **"));
        List<Event> events = timeline.events();
        assertEquals(List.of(0, 0, 1, 1, 2), events.stream().map(e -> e.origin().boot()).toList());
        assertEquals("6.6.0", events.get(3).origin().kernel());
        assertNull(events.get(4).origin().kernel(), "a restart without a banner has no known kernel");
        assertEquals(3, timeline.inputs().get(0).boots());
    }

    @Test
    void linesAtTimeZeroBeforeTheBannerBelongToItsBoot() {
        Timeline timeline = read(text("arm64-dmesg.log",
                "[    0.000000] Booting Linux on physical CPU 0x0000120000 [0x413fd0c1]",
                "[    0.000000] Linux version 6.6.0 (a@b) #1",
                "[    7.000000] ** 1 printk messages dropped **",
                "[    0.000000] Booting Linux on physical CPU 0x0000120000 [0x413fd0c1]",
                "[    0.000000] Linux version 6.6.0 (a@b) #1",
                "[    2.000000] ** 2 printk messages dropped **"));
        List<Event> events = timeline.events();
        assertEquals(List.of(0, 0, 1, 1), events.stream().map(e -> e.origin().boot()).toList());
        assertEquals(2, timeline.inputs().get(0).boots());
    }

    @Test
    void ordersEventsOfSeveralInputsByTimeThenInput() {
        Timeline timeline = read(
                text("b.log", "[    2.000000] ** 2 printk messages dropped **", "[    4.000000] ** 4 printk messages dropped **"),
                text("a.log", "[    1.000000] ** 1 printk messages dropped **", "[    4.000000] ** 5 printk messages dropped **"));
        assertEquals(List.of(1L, 2L, 4L, 5L), timeline.events().stream().map(e -> ((Dropped) e).count()).toList());
    }

    @Test
    void readsPrefixesOtherThanDmesgWithHosts() {
        Timeline timeline = read(text("messages",
                "Mar  9 19:48:24 pmem-host-07 kernel: [77187.055103] ** 9 printk messages dropped **"));
        Event event = timeline.events().get(0);
        assertEquals("pmem-host-07", event.origin().host());
        assertEquals(77187055103L, event.origin().micros());
        assertEquals("--03-09T19:48:24", event.origin().wall());
        assertEquals("syslog", timeline.inputs().get(0).format());
    }

    @Test
    void anUnreadableInputIsReportedAndTheOthersStillRun() {
        CaptureInput broken = new CaptureInput("gone.log", () -> {
            throw new java.nio.file.NoSuchFileException("gone.log");
        });
        Timeline timeline = read(broken, text("ok.log", "[    1.000000] ** 1 printk messages dropped **"));
        assertEquals("no such file or directory", timeline.inputs().get(0).error());
        assertEquals(1, timeline.events().size());
    }

    @Test
    void aTruncatedGzipKeepsWhatCameBeforeTheBreak() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(String.format("[%5d.000000] ** %d printk messages dropped **%n", i, i));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        Timeline timeline = read(new CaptureInput("cut.log.gz", () -> (InputStream) new ByteArrayInputStream(cut)));
        InputSummary summary = timeline.inputs().get(0);
        assertTrue(summary.error().startsWith("read failed after line "), summary.error());
        assertTrue(summary.events() > 1000, "events before the break are kept: " + summary.events());
        assertEquals(summary.events(), timeline.events().size());
    }

    @Test
    void thePrefilterChangesNothingButSpeed() {
        CaptureInput input = text("mixed.log",
                "[    0.000000] Linux version 6.8.0 (a@b) #1",
                "[    1.000000] e1000e: eth0 NIC Link is Up",
                "# a shell prompt",
                "[    2.000000] ** 3 printk messages dropped **");
        Timeline fast = Timeline.read(List.of(input), new ScanOptions(true));
        Timeline slow = Timeline.read(List.of(input), new ScanOptions(false));
        assertEquals(slow.events(), fast.events());
        assertEquals(slow.inputs(), fast.inputs());
    }
}
