package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.events.FsMount;
import dev.daxray.events.Sigbus;

/** Wall-clock captures of a host bundle aligned with its monotonic ones, or told why not. */
class WallClockTest {

    private static final String[] DMESG = {
            "[ 5187.402877] Memory failure: 0x3c1b0a: Sending SIGBUS to fsx:4242 due to hardware memory corruption",
            "[ 5187.403102] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered",
    };

    private static CaptureInput text(String name, String... lines) {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new CaptureInput(name, () -> new ByteArrayInputStream(bytes));
    }

    private static Timeline read(CaptureInput... inputs) {
        return Timeline.read(List.of(inputs), ScanOptions.defaults());
    }

    private static <T extends Event> List<T> of(Timeline t, Class<T> type, String file) {
        return t.events().stream().filter(type::isInstance).map(type::cast).filter(e -> e.origin().file().equals(file))
                .toList();
    }

    @Test
    void parsesEveryWallShapeAsLocalClockFields() {
        assertEquals(WallClock.parse("2026-11-21T08:06:27").micros(),
                WallClock.parse("2026-11-21T08:06:27+01:00").micros());
        assertEquals(WallClock.parse("2026-11-21T08:06:27").micros() + 123456,
                WallClock.parse("2026-11-21T08:06:27.123456+0000").micros());
        assertTrue(WallClock.parse("--03-08T22:22:07").yearless());
        assertNull(WallClock.parse("yesterday"));
        assertEquals("2026-11-21T08:06:27.402877+0000",
                WallClock.format(WallClock.parse("2026-11-21T08:06:27.402877").micros(), "+0000", false));
        assertEquals("--03-08T22:22:07.000000", WallClock.format(WallClock.parse("--03-08T22:22:07").micros(), null, true));
    }

    @Test
    void aJournalAndADmesgOfOneBootShareTheirClocks() {
        Timeline t = read(text("dmesg.txt", DMESG), text("journal.txt",
                "2026-11-21T06:40:09+0000 lab kernel: XFS (pmem0): Mounting V5 Filesystem 9b1f3c2e-7d4a-4c61-b0e8-5a2f6d9c8e17",
                "2026-11-21T08:06:27+0000 lab kernel: Memory failure: 0x3c1b0a: Sending SIGBUS to fsx:4242 due to hardware memory corruption",
                "2026-11-21T08:06:27+0000 lab kernel: Memory failure: 0x3c1b0a: recovery action for dax page: Recovered"));
        Sigbus journalKill = of(t, Sigbus.class, "journal.txt").get(0);
        assertEquals(5187402877L, journalKill.origin().micros(), "the journal's copy takes its twin's exact time");
        assertEquals("lab", of(t, Sigbus.class, "dmesg.txt").get(0).origin().host(), "the bundle's one host");
        FsMount mount = of(t, FsMount.class, "journal.txt").get(0);
        // offset = 08:06:27 - 5187.402877 s (median of the two twins); the mount is 06:40:09 on that clock
        assertEquals(9_402_877L, mount.origin().micros().longValue(), "a journal-only line gets a monotonic time");
        assertEquals("2026-11-21T08:06:27.000000+00:00", of(t, Sigbus.class, "dmesg.txt").get(0).origin().wall(),
                "dmesg lines get the wall time of the same clock");
        assertTrue(t.clockNotes().get("journal.txt").text().startsWith("wall clock aligned with the monotonic clock of dmesg.txt"),
                t.clockNotes().toString());
        assertTrue(t.inputs().stream().filter(s -> s.file().equals("journal.txt")).findFirst().orElseThrow().notes()
                .contains(t.clockNotes().get("journal.txt").text()), "the note is in the input summary");
        assertEquals(ClockNote.Kind.ALIGNED, t.clockNotes().get("journal.txt").kind());
        assertEquals(ClockNote.Kind.WALL_DERIVED, t.clockNotes().get("dmesg.txt").kind(), "dmesg only lent its clock");
        List<Event> ordered = t.events();
        assertTrue(ordered.indexOf(mount) < ordered.indexOf(journalKill), "the mount sorts before the poison");
    }

    @Test
    void dmesgTAfterASuspendDisagreesWithTheJournalAndNothingIsDerived() {
        // dmesg -T adds the printk time (which stops during suspend) to the boot time the wall clock implies:
        // after a 1 h suspend its stamps are 1 h early, while the journal's are right
        Timeline t = read(text("dmesg.txt",
                        "[  100.000000] Memory failure: 0x1000: recovery action for dax page: Recovered",
                        "[ 9100.000000] Memory failure: 0x2000: recovery action for dax page: Recovered"),
                text("dmesg-T.txt",
                        "[Sat Nov 21 06:41:40 2026] Memory failure: 0x1000: recovery action for dax page: Recovered",
                        "[Sat Nov 21 09:13:20 2026] XFS (pmem0): Mounting V5 Filesystem 9b1f3c2e-7d4a-4c61-b0e8-5a2f6d9c8e17"),
                text("journal.txt",
                        "2026-11-21T10:11:40+0000 lab kernel: Memory failure: 0x2000: recovery action for dax page: Recovered"));
        String note = t.clockNotes().get("dmesg-T.txt").text();
        assertTrue(note.startsWith("wall clock alignment uncertain"), note);
        assertTrue(note.contains("3600 s apart"), note);
        assertTrue(note.contains("suspend"), note);
        assertNull(of(t, FsMount.class, "dmesg-T.txt").get(0).origin().micros(), "nothing derived from it");
        assertNull(of(t, dev.daxray.events.MemoryFailure.class, "dmesg.txt").get(0).origin().wall());
    }

    @Test
    void aLoneDmesgTIsTrustedWithACaveat() {
        Timeline t = read(text("dmesg.txt", DMESG), text("dmesg-T.txt",
                "[Sat Nov 21 08:06:27 2026] Memory failure: 0x3c1b0a: Sending SIGBUS to fsx:4242 due to hardware memory corruption"));
        String note = t.clockNotes().get("dmesg-T.txt").text();
        assertTrue(note.startsWith("wall clock aligned"), note);
        assertTrue(note.contains("early by the time suspended"), note);
    }

    @Test
    void withoutASharedLineAlignmentIsNotPossibleAndSaysSo() {
        Timeline t = read(text("dmesg.txt", DMESG), text("journal.txt",
                "2026-11-21T06:40:09+0000 lab kernel: XFS (pmem0): Mounting V5 Filesystem 9b1f3c2e-7d4a-4c61-b0e8-5a2f6d9c8e17"));
        assertTrue(t.clockNotes().get("journal.txt").text().startsWith("wall clock not aligned"), t.clockNotes().toString());
        assertEquals(ClockNote.Kind.NOT_ALIGNED, t.clockNotes().get("journal.txt").kind());
        assertNull(of(t, FsMount.class, "journal.txt").get(0).origin().micros());
        assertNull(of(t, Sigbus.class, "dmesg.txt").get(0).origin().wall());
    }

    @Test
    void aSingleCaptureNeedsNoNote() {
        assertEquals(0, read(text("dmesg.txt", DMESG)).clockNotes().size());
    }
}
