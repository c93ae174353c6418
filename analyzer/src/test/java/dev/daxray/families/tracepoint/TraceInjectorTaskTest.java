package dev.daxray.families.tracepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.events.Injector;
import dev.daxray.events.Mce;
import dev.daxray.events.Probe;
import dev.daxray.events.MemoryFailure;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.PrefixSniffer;
import dev.daxray.timeline.ScanOptions;
import dev.daxray.timeline.Timeline;

/**
 * A trace event that fired while an injection tool ran (its task, as the tracer prints it) comes with
 * an {@code injector} event, so triage labels what follows as injected; other tasks give none.
 */
class TraceInjectorTaskTest {

    private static final String MCE_INJECT = "      mce-inject-2231    [002] d.h1.  4821.113020: mce_record: CPU: 2,"
            + " MCGc/s: 1000c14/7, MC1: bd80000000100134, IPID: 0000000000000000, ADDR/MISC/SYND:"
            + " 00000003c1b0a400/0000000000000086/0000000000000000, RIP: 10:<ffffffff8152c5e8>, TSC: 1f5fbe4a2d,"
            + " PROCESSOR: 0:50657, TIME: 1795255200, SOCKET: 0, APIC: 6";
    private static final String EINJ_VERDICT = "     einj_mem_uc-6214    [001] .....  2713.905120: memory_failure_event:"
            + " pfn 0x1e7b3c2: recovery action for dirty LRU page: Recovered";
    private static final String FIO_VERDICT = "             fio-4242    [001] .....  2713.905120: memory_failure_event:"
            + " pfn 0x1e7b3c2: recovery action for dirty LRU page: Recovered";

    @Test
    void theEnvelopeKeepsTheTaskAndTheSnifferAgrees() {
        EnvelopeParser parser = new EnvelopeParser();
        PrefixSniffer sniffer = new PrefixSniffer();
        for (String line : List.of(MCE_INJECT, EINJ_VERDICT, FIO_VERDICT)) {
            Envelope envelope = parser.parse(line);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            sniffer.sniff(bytes, 0, bytes.length);
            assertEquals(envelope, sniffer.envelope(bytes, 0), line);
        }
        assertEquals("mce-inject", parser.parse(MCE_INJECT).task());
        assertEquals("<...>", parser.parse("           <...>-2231    [002] d.h1.  4821.113020: mce_record: x").task());
        assertEquals("kworker/u8:2", parser.parse("   kworker/u8:2-117 [000] ....  17.1: mc_event: x").task());
        assertEquals("Web Content", parser.parse("     Web Content-4242    [001] .....  2713.905120: fs_dax: x").task());
        assertNull(parser.parse("[ 2713.905120] Memory failure: 0x1e7b3c2: recovery action for dirty LRU page: Recovered")
                .task());
    }

    @Test
    void anInjectionToolsTaskIsAnInjector() {
        List<Event> events = read(MCE_INJECT + "\n" + EINJ_VERDICT + "\n" + FIO_VERDICT + "\n");
        assertEquals(List.of(Injector.class, Mce.class, Injector.class, MemoryFailure.class, MemoryFailure.class),
                events.stream().map(Object::getClass).toList());
        Injector first = (Injector) events.get(0);
        assertEquals("mce-inject", first.tool());
        assertEquals("inject", first.action());
        assertEquals(1, first.origin().line());
        assertEquals("einj_mem_uc", ((Injector) events.get(2)).tool());
    }

    @Test
    void aProbeOnAnInjectorFunctionIsAnInjector() {
        List<Event> events = read("""
                            bash-3102    [001] .....   812.004211: p_einj_error_inject_0: (einj_error_inject+0x0/0x1e0) type=0x10 param1=0x1e7b3c2400
                             fio-4242    [001] .....   812.104211: p_memory_failure_0: (memory_failure+0x0/0x5c0) pfn=0x1e7b3c2 flags=0x1
                """);
        assertEquals(List.of(Injector.class, Probe.class, Probe.class),
                events.stream().map(Object::getClass).toList());
        assertEquals("einj", ((Injector) events.get(0)).tool());
    }

    private static List<Event> read(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Timeline.read(List.of(new CaptureInput("trace", () -> new ByteArrayInputStream(bytes))),
                ScanOptions.defaults()).events();
    }
}
