package dev.daxray.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the sniffer claims must be what the grammar says; what it is unsure of it must leave alone. */
class PrefixSnifferTest {

    private static PrefixSniffer.Shape sniff(PrefixSniffer sniffer, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return sniffer.sniff(bytes, 0, bytes.length);
    }

    /** The sniffer's envelope of {@code line} when it claims it, read from the middle of a buffer. */
    private static Envelope sniffedEnvelope(String line) {
        byte[] bytes = ("junk before\n" + line + "\njunk after").getBytes(StandardCharsets.UTF_8);
        int off = "junk before\n".length();
        int len = line.getBytes(StandardCharsets.UTF_8).length;
        PrefixSniffer sniffer = new PrefixSniffer();
        return sniffer.sniff(bytes, off, len) == null ? null : sniffer.envelope(bytes, off);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[ 1234.567890] e1000e: eth0 NIC Link is Up                                       | DMESG        | 1234567890",
            "[   34.407451][    T1] random: crng init done                                   | DMESG_CALLER | 34407451",
            "[ 1234.567890] [  T4242] random: crng init done                                  | DMESG_CALLER | 1234567890",
            "<6>[    3.200000] random: crng init done                                         | DMESG_RAW    | 3200000",
            "           fsx-4242  [003] .....  5310.220417: sched_switch: prev_comm=fsx         | FTRACE       | 5310220417",
            "          <idle>-0       [001] d..2.  1234.000001: sched_wakeup: comm=kworker     | FTRACE       | 1234000001",
            "     kworker/0:1-12    (     12) [000] ....   81234.567001123: workqueue_execute_start: work | FTRACE | 81234567001",
            "  task with spaces-77    [002]  9000.5: irq_handler_entry: irq=5                  | FTRACE       | 9000500000"})
    void claimsWhatTheGrammarReadsTheSameWay(String line, PrefixSniffer.Shape shape, long micros) {
        PrefixSniffer sniffer = new PrefixSniffer();
        assertEquals(shape, sniff(sniffer, line.strip().isEmpty() ? line : line.stripTrailing()));
        assertEquals(micros, sniffer.micros());
        Envelope envelope = new EnvelopeParser().parse(line.stripTrailing());
        assertEquals(shape.format(), envelope.format());
        assertEquals(micros, envelope.micros());
        assertEquals(envelope, sniffedEnvelope(line.stripTrailing()));
    }

    /** A line whose time reads but whose prefix the sniffer then leaves alone does not move its time. */
    @ParameterizedTest
    @ValueSource(strings = {
            "[    9.000000]x no blank after the time",
            "[    9.000000] host kernel: a journal line",
            "[    9.000000] <6>crash's log -m",
            "           fsx-4242  [003] .....  9.000000: mc_event: 2026-12-07 12:00:00 +0000 rasdaemon's own date"})
    void keepsTheLastRecognisedTimeWhenItLeavesALineAlone(String line) {
        PrefixSniffer sniffer = new PrefixSniffer();
        assertNotNull(sniff(sniffer, "[    3.200000] random: crng init done"));
        assertNull(sniff(sniffer, line));
        assertEquals(3_200_000, sniffer.micros());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[ 1234.567890] EXT4-fs (nvme0n1p2): re-mounted. Quota mode: none.",
            "[   34.407451][    T1] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered",
            "[   34.407451] [  C12] mce: [Hardware Error]: Machine check events logged",
            "<3>[    3.200000] Memory failure: 0x1: Sending SIGBUS to fsx:4242 due to hardware memory corruption",
            "<11>[    3.200000][ T77] x",
            "[    3.200000]",
            "[    3.200000] ",
            "           fsx-4242  [003] .....  5310.220417: memory_failure_event: pfn 0x3c1b0a page type dax",
            "     kworker/0:1-12    (     12) [000] ....   81234.567001123: mce_record:    CPU: 3, MCGc/s: 1c09/5",
            "  task with spaces-77    [002]  9000.5: mc_event:",
            "  t-77 [002] 9000.5: aer_event: \t dev_name=0000:00:01.0"})
    void givesTheGrammarsEnvelope(String line) {
        Envelope sniffed = sniffedEnvelope(line);
        assertNotNull(sniffed, line);
        assertEquals(new EnvelopeParser().parse(line), sniffed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  t\u00e4sk-77 [002] 9000.5: mc_event: x",
            "  t-77 [002] 9000.5: mc_event: \u2003x"})
    void leavesLinesWhoseOffsetsCouldPartWaysToTheGrammar(String line) {
        assertNull(sniffedEnvelope(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[ 1234.567890] host kernel: journal short-monotonic",
            "# tracer: nop",
            "           fsx-4242  [003] .....  5310.220417: memory_failure <-kill_me_maybe",
            "<...>-785   [000]     0.000024: memory_failure_event: 2020-10-02 13:27:13 -0400 pfn=0x204000000",
            "Nov 21 10:00:00 host kernel: [ 1.0] x",
            "just some text [with brackets] in it",
            "fsx-4242 [003] 5310.220417 no colon",
            ""})
    void leavesEverythingElseToTheGrammar(String line) {
        assertNull(sniff(new PrefixSniffer(), line));
    }
}
