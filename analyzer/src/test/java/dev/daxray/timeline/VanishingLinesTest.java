package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Boot;
import dev.daxray.events.Event;
import dev.daxray.events.MemoryFailure;

/** Lines that once vanished without an event or a count: each now reads as the kernel line it is. */
class VanishingLinesTest {

    private static final String RECOVERED = "Memory failure: 0x3c1b0a: recovery action for dax page: Recovered";
    private static final String BANNER = "Linux version 6.8.0-45-generic (buildd@lcy02) (gcc 13.2.0) #45-Ubuntu SMP";
    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private static Timeline read(String name, byte[] bytes) {
        return Timeline.read(List.of(new CaptureInput(name, () -> new ByteArrayInputStream(bytes))), ScanOptions.defaults());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aKernelLineAfterMoreThan64KiBOfNulsStaysAnEvent() {
        // An unclean shutdown: the log's tail was preallocated and never written, then the next boot appended.
        byte[] capture = concat(bytes("[   10.000000] " + BANNER + "\n"), new byte[70_000],
                bytes("[   12.000000] " + RECOVERED + "\n[   13.000000] e1000e: eth0 NIC Link is Up\n"));
        Timeline timeline = read("dmesg.log", capture);
        List<Event> events = timeline.events();
        assertEquals(2, events.size(), events::toString);
        MemoryFailure mf = (MemoryFailure) events.get(1);
        assertEquals("Recovered", mf.result());
        assertEquals(2, mf.origin().line());
        InputSummary summary = timeline.inputs().get(0);
        assertEquals(3, summary.lines());
        assertEquals(70_000, summary.nulBytes());
        assertEquals(0, summary.truncated());
        assertEquals(0, summary.unparsed());
    }

    @Test
    void syslogLinesFromIpv6HostsAreEventsOfThatHost() {
        List<String> hosts = List.of("fe80::1", "2001:db8:0:1::7", "2001:0db8:0000:0000:0000:ff00:0042:8329",
                "::ffff:10.0.0.5", "fe80::1%eth0", "[2001:db8::7]");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            log.append("Nov 21 10:00:0").append(i).append(' ').append(hosts.get(i)).append(" kernel: [   12.00000")
                    .append(i).append("] Memory failure: 0x3c1b0").append(i).append(": recovery action for dax page: Recovered\n");
        }
        log.append("<3>1 2026-11-21T10:00:05.123456+01:00 fe80::1 kernel - - - ").append(RECOVERED).append('\n');
        Timeline timeline = read("messages", bytes(log.toString()));
        List<String> seen = timeline.events().stream().map(e -> e.origin().host()).toList();
        assertEquals(List.of("fe80::1", "2001:db8:0:1::7", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:10.0.0.5",
                "fe80::1%eth0", "2001:db8::7", "fe80::1"), seen);
        assertEquals(0, timeline.inputs().get(0).unparsed());
    }

    @Test
    void aByteOrderMarkDoesNotHideTheBootBanner() throws IOException {
        byte[] plain = concat(BOM, bytes("[    0.000000] " + BANNER + "\n[   12.000000] " + RECOVERED + "\n"));
        for (Timeline timeline : List.of(read("dmesg.log", plain), read("dmesg.log.gz", gzip(plain)))) {
            List<Event> events = timeline.events();
            assertEquals(2, events.size(), events::toString);
            assertEquals("6.8.0-45-generic", ((Boot) events.get(0)).release());
            assertEquals("6.8.0-45-generic", events.get(1).origin().kernel());
            assertEquals(0, timeline.inputs().get(0).unparsed());
        }
    }

    @Test
    void aByteOrderMarkRsyslogKeptBeforeTheMessageIsNotPartOfIt() {
        Timeline timeline = read("messages", bytes("<4>1 2026-11-21T10:00:05.123456+01:00 2001:db8::7 kernel - - "
                + "[timeQuality tzKnown=\"1\"][meta sequenceId=\"42\"] \uFEFF" + RECOVERED + "\n"));
        assertEquals(1, timeline.events().size(), timeline.events()::toString);
        assertEquals("2001:db8::7", timeline.events().get(0).origin().host());
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
