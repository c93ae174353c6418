package dev.daxray.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every prefix variant of reference §6, with what it must yield. */
class EnvelopeParserTest {

    static Stream<Arguments> prefixes() {
        return Stream.of(
                // line, kind, format, micros, wall, host, caller, body
                Arguments.of("[ 1234.567890] Memory failure: 0x1: x", EnvelopeKind.DMESG, "dmesg", 1234567890L, null, null, null, "Memory failure: 0x1: x"),
                Arguments.of("[    3.200000] WARNING: CPU: 0 PID: 1", EnvelopeKind.DMESG, "dmesg", 3200000L, null, null, null, "WARNING: CPU: 0 PID: 1"),
                Arguments.of("[123456.789012] x", EnvelopeKind.DMESG, "dmesg", 123456789012L, null, null, null, "x"),
                Arguments.of("[ 1151.195480][T23364] general protection fault", EnvelopeKind.DMESG, "dmesg [caller]", 1151195480L, null, null, "T23364", "general protection fault"),
                Arguments.of("[   34.407451][    T1] BUG: x", EnvelopeKind.DMESG, "dmesg [caller]", 34407451L, null, null, "T1", "BUG: x"),
                Arguments.of("[ 1234.567890] [  T4242] Memory failure: y", EnvelopeKind.DMESG, "dmesg [caller]", 1234567890L, null, null, "T4242", "Memory failure: y"),
                Arguments.of("[T9] BUG: KASAN: slab-use-after-free", EnvelopeKind.DMESG, "console [caller]", null, null, null, "T9", "BUG: KASAN: slab-use-after-free"),
                Arguments.of("<3>[ 1234.567890] Memory failure: z", EnvelopeKind.DMESG_RAW, "dmesg -r", 1234567890L, null, null, null, "Memory failure: z"),
                Arguments.of("kern  :err   : [ 1234.567890] Memory failure: a", EnvelopeKind.DMESG_DECODED, "dmesg -x", 1234567890L, null, null, null, "Memory failure: a"),
                Arguments.of("kern  :warn  : [ 5512.104932] {1}[Hardware Error]: b", EnvelopeKind.DMESG_DECODED, "dmesg -x", 5512104932L, null, null, null, "{1}[Hardware Error]: b"),
                Arguments.of("[Sat Nov 21 10:00:00 2026] Memory failure: c", EnvelopeKind.DMESG, "dmesg -T", null, "2026-11-21T10:00:00", null, null, "Memory failure: c"),
                Arguments.of("[Sun Nov  1 09:03:07 2026] d", EnvelopeKind.DMESG, "dmesg -T", null, "2026-11-01T09:03:07", null, null, "d"),
                Arguments.of("2026-11-21T10:00:00,123456+01:00 Memory failure: e", EnvelopeKind.DMESG, "dmesg --time-format iso", null, "2026-11-21T10:00:00.123456+01:00", null, null, "Memory failure: e"),
                Arguments.of("[ 1234.567890 <    0.000120>] f", EnvelopeKind.DMESG, "dmesg -d", 1234567890L, null, null, null, "f"),
                Arguments.of("[Nov21 10:00] g", EnvelopeKind.DMESG, "dmesg -e", null, null, null, null, "g"),
                Arguments.of("[  +0.000120] h", EnvelopeKind.DMESG, "dmesg -e", null, null, null, null, "h"),
                Arguments.of("3,2281,9021443350,-;Memory failure: 0x3f4a2c1: i", EnvelopeKind.KMSG, "kmsg", 9021443350L, null, null, null, "Memory failure: 0x3f4a2c1: i"),
                Arguments.of("4,1102,5112233,-,caller=T1;nd_pmem namespace0.0: j", EnvelopeKind.KMSG, "kmsg", 5112233L, null, null, "T1", "nd_pmem namespace0.0: j"),
                Arguments.of(" SUBSYSTEM=nd", EnvelopeKind.CONTINUATION, "kmsg", null, null, null, null, "SUBSYSTEM=nd"),
                Arguments.of(" DEVICE=+nd:namespace0.0", EnvelopeKind.CONTINUATION, "kmsg", null, null, null, null, "DEVICE=+nd:namespace0.0"),
                Arguments.of("Nov 21 10:00:00 host kernel: Memory failure: k", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:00", "host", null, "Memory failure: k"),
                Arguments.of("Mar  9 19:48:24 defiant kernel: [77187.055103] MCE: Killing uffd-unit-tests:1321817", EnvelopeKind.SYSLOG, "syslog", 77187055103L, "--03-09T19:48:24", "defiant", null, "MCE: Killing uffd-unit-tests:1321817"),
                Arguments.of("Nov 21 10:00:00.123456 host kernel: l", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:00.123456", "host", null, "l"),
                Arguments.of("2026-11-21T10:00:00+01:00 host kernel: m", EnvelopeKind.SYSLOG, "syslog iso", null, "2026-11-21T10:00:00+01:00", "host", null, "m"),
                Arguments.of("2026-11-21T10:00:00+0100 host kernel: m2", EnvelopeKind.SYSLOG, "syslog iso", null, "2026-11-21T10:00:00+01:00", "host", null, "m2"),
                Arguments.of("2026-11-21T10:00:00.123456+01:00 host kernel: n", EnvelopeKind.SYSLOG, "syslog iso", null, "2026-11-21T10:00:00.123456+01:00", "host", null, "n"),
                Arguments.of("[ 1234.567890] host kernel: o", EnvelopeKind.JOURNAL_MONOTONIC, "journal short-monotonic", 1234567890L, null, "host", null, "o"),
                Arguments.of("1795255200.123456 host kernel: p", EnvelopeKind.SYSLOG, "journal short-unix", null, "2026-11-21T10:00:00.123456Z", "host", null, "p"),
                Arguments.of("Sat 2026-11-21 10:00:00 CET host kernel: q", EnvelopeKind.SYSLOG, "journal short-full", null, "2026-11-21T10:00:00", "host", null, "q"),
                Arguments.of("<3>Nov 21 10:00:00 host kernel: r", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:00", "host", null, "r"),
                Arguments.of("<3>1 2026-11-21T10:00:00.123456+01:00 host kernel - - - Memory failure: s", EnvelopeKind.RFC5424, "syslog rfc5424", null, "2026-11-21T10:00:00.123456+01:00", "host", null, "Memory failure: s"),
                // IPv6 host names as syslog daemons write them (log-transport-formats §5.1): compressed, full,
                // IPv4-mapped, with a zone, in brackets; in RFC 3164 files, RFC 5424 and journal short-monotonic.
                Arguments.of("Nov 21 10:00:00 fe80::1 kernel: Memory failure: v6", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:00", "fe80::1", null, "Memory failure: v6"),
                Arguments.of("Nov 21 10:00:05 2001:db8:0:1::7 kernel: EDAC MC0: 1 CE", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:05", "2001:db8:0:1::7", null, "EDAC MC0: 1 CE"),
                Arguments.of("Nov 21 10:00:05 2001:0db8:0000:0000:0000:ff00:0042:8329 kernel: w", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:05", "2001:0db8:0000:0000:0000:ff00:0042:8329", null, "w"),
                Arguments.of("Nov 21 10:00:05 ::ffff:10.0.0.5 kernel: [ 12.500000] x6", EnvelopeKind.SYSLOG, "syslog", 12500000L, "--11-21T10:00:05", "::ffff:10.0.0.5", null, "x6"),
                Arguments.of("Nov 21 10:00:05 fe80::1%eth0 kernel: y6", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:05", "fe80::1%eth0", null, "y6"),
                Arguments.of("Nov 21 10:00:05 [2001:db8::7] kernel: z6", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:05", "2001:db8::7", null, "z6"),
                Arguments.of("2026-11-21T10:00:05+01:00 ::1 kernel: a6", EnvelopeKind.SYSLOG, "syslog iso", null, "2026-11-21T10:00:05+01:00", "::1", null, "a6"),
                Arguments.of("<4>1 2026-11-21T10:00:05.123456+01:00 2001:db8::7 kernel - - [timeQuality tzKnown=\"1\" isSynced=\"1\" syncAccuracy=\"60000\"][meta sequenceId=\"42\"] nd_pmem namespace0.0: b6",
                        EnvelopeKind.RFC5424, "syslog rfc5424", null, "2026-11-21T10:00:05.123456+01:00", "2001:db8::7", null, "nd_pmem namespace0.0: b6"),
                Arguments.of("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"App\\] [x]\" eventID=\"1011\"] c6",
                        EnvelopeKind.RFC5424, "syslog rfc5424", null, "2003-10-11T22:14:15.003Z", "mymachine.example.com", null, "c6"),
                Arguments.of("[ 1234.567890] fe80::2 kernel: d6", EnvelopeKind.JOURNAL_MONOTONIC, "journal short-monotonic", 1234567890L, null, "fe80::2", null, "d6"),
                Arguments.of("Nov 21 10:00:00 host systemd[1]: Started foo.", EnvelopeKind.SYSLOG, "syslog", null, "--11-21T10:00:00", "host", null, "Started foo."),
                Arguments.of("-- Boot 1a2b3c4d5e6f --", EnvelopeKind.JOURNAL_MARKER, "journal", null, null, null, null, ""),
                Arguments.of("** 5 printk messages dropped **", EnvelopeKind.BARE, "console", null, null, null, null, "** 5 printk messages dropped **"),
                Arguments.of("<4>Memory failure: t", EnvelopeKind.PRIORITY_ONLY, "console <level>", null, null, null, null, "Memory failure: t"),
                Arguments.of("Memory failure: 0x1: u", EnvelopeKind.BARE, "console", null, null, null, null, "Memory failure: 0x1: u"),
                Arguments.of("# ndctl inject-error namespace0.0 -n 2 -B 8210", EnvelopeKind.BARE, "console", null, null, null, null, "# ndctl inject-error namespace0.0 -n 2 -B 8210"),
                Arguments.of("", EnvelopeKind.BARE, "console", null, null, null, null, ""));
    }

    @ParameterizedTest
    @MethodSource("prefixes")
    void readsPrefix(String line, EnvelopeKind kind, String format, Long micros, String wall, String host,
                     String caller, String body) {
        Envelope envelope = new EnvelopeParser().parse(line);
        assertEquals(kind, envelope.kind(), "kind");
        assertEquals(format, envelope.format(), "format");
        assertEquals(micros, envelope.micros(), "micros");
        assertEquals(wall, envelope.wall(), "wall");
        assertEquals(host, envelope.host(), "host");
        assertEquals(caller, envelope.caller(), "caller");
        assertEquals(body, line.substring(envelope.bodyStart()), "body");
    }
}
