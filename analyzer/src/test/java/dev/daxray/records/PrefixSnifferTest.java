package dev.daxray.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
