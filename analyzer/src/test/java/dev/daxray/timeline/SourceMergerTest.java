package dev.daxray.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.capture.CaptureInput;
import dev.daxray.events.Event;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Source;
import dev.daxray.output.EventJsonWriter;

/** One event in dmesg and in a trace of the same host is one event with both as evidence. */
class SourceMergerTest {

    private static final String DMESG_MF =
            "[81234.567544] Memory failure: 0x219c200: recovery action for dax page: Recovered";
    private static final String TRACE_MF =
            "             app-4321    [003] d..1. 81234.567530: memory_failure_event: pfn 0x219c200: recovery action for dax page: Recovered";

    private static CaptureInput text(String name, String... lines) {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new CaptureInput(name, () -> new ByteArrayInputStream(bytes));
    }

    private static List<Event> read(CaptureInput... inputs) {
        return Timeline.read(List.of(inputs), ScanOptions.defaults()).events();
    }

    @Test
    void dmesgAndTraceOfOnePoisonAreOneEvent() {
        List<Event> events = read(text("dmesg.log", DMESG_MF), text("trace.txt", "# tracer: nop", "#", TRACE_MF));
        assertEquals(1, events.size(), events::toString);
        MemoryFailure mf = (MemoryFailure) events.get(0);
        assertEquals("trace.txt", mf.origin().file(), "the earlier report (the tracepoint fires before the printk) is kept");
        assertEquals(3, mf.origin().line());
        assertEquals(List.of(new Source("dmesg.log", 1, DMESG_MF)), mf.origin().also());
    }

    @Test
    void theJsonLineNamesTheOtherSource() throws IOException {
        List<Event> events = read(text("dmesg.log", DMESG_MF), text("trace.txt", TRACE_MF));
        StringWriter out = new StringWriter();
        try (EventJsonWriter writer = new EventJsonWriter(out)) {
            writer.write(events.get(0));
        }
        assertEquals("{\"type\":\"memory-failure\",\"file\":\"trace.txt\",\"line\":1,\"time\":81234.567530,\"boot\":0,"
                + "\"pfn\":\"0x219c200\",\"pageType\":\"dax page\",\"result\":\"Recovered\","
                + "\"alsoAt\":[{\"file\":\"dmesg.log\",\"line\":1}],\"text\":\"" + TRACE_MF + "\"}\n", out.toString());
    }

    @Test
    void fartherApartThanTheToleranceStaysTwoEvents() {
        String later = TRACE_MF.replace("81234.567530", "81234.580000");
        assertEquals(2, read(text("dmesg.log", DMESG_MF), text("trace.txt", later)).size());
    }

    @Test
    void differentKeyFieldsStayTwoEvents() {
        String failed = TRACE_MF.replace("Recovered", "Failed");
        String otherPfn = TRACE_MF.replace("0x219c200", "0x219c201");
        assertEquals(2, read(text("dmesg.log", DMESG_MF), text("trace.txt", failed)).size());
        assertEquals(2, read(text("dmesg.log", DMESG_MF), text("trace.txt", otherPfn)).size());
    }

    @Test
    void repeatsInOneInputAreRealRepeatsAndEachPairsWithOneTraceLine() {
        String secondDmesg = DMESG_MF.replace("81234.567544", "81234.567900");
        String secondTrace = TRACE_MF.replace("81234.567530", "81234.567890");
        List<Event> events = read(text("dmesg.log", DMESG_MF, secondDmesg), text("trace.txt", TRACE_MF, secondTrace));
        assertEquals(2, events.size(), events::toString);
        assertEquals(List.of(new Source("dmesg.log", 1, DMESG_MF)), events.get(0).origin().also());
        assertEquals(List.of(new Source("dmesg.log", 2, secondDmesg)), events.get(1).origin().also());
        List<Event> sameFile = read(text("dmesg.log", DMESG_MF, DMESG_MF));
        assertEquals(2, sameFile.size(), "two identical lines of one capture are two reports");
    }

    @Test
    void anMceDumpAndItsMceRecordMerge() {
        List<Event> events = read(
                text("dmesg.log",
                        "[81234.566992] mce: [Hardware Error]: Machine check events logged",
                        "[81234.566993] mce: [Hardware Error]: CPU 3: Machine Check: 0 Bank 7: bd80000000100134",
                        "[81234.566994] mce: [Hardware Error]: RIP 10:<ffffffff8d3a2b47> {copy_mc_fragile+0x4f/0x140}",
                        "[81234.566995] mce: [Hardware Error]: TSC 2b5f8e61c3a1 ADDR 219c200000 MISC 219c20008c",
                        "[81234.566996] mce: [Hardware Error]: PROCESSOR 0:606a6 TIME 1718900000 SOCKET 0 APIC 6 microcode d0003b9"),
                text("trace.txt",
                        "     kworker/3:1-219     [003] ..... 81234.566990: mce_record: CPU: 3, MCGc/s: 1000c14/5, MC7: bd80000000100134, IPID: 0000000000000000, ADDR: 000000219c200000, MISC: 000000219c20008c, SYND: 0000000000000000, RIP: 10:<ffffffff8d3a2b47>, TSC: 2b5f8e61c3a1, PPIN: 0, vendor: 0, CPUID: 606a6, time: 1718900000, socket: 0, APIC: 6, microcode: d0003b9"));
        List<Mce> mces = events.stream().filter(Mce.class::isInstance).map(Mce.class::cast)
                .filter(m -> m.status() != null).toList();
        assertEquals(1, mces.size(), events::toString);
        assertEquals(1, mces.get(0).origin().also().size());
    }

    @Test
    void differentBootsNeverMerge() {
        List<Event> events = read(
                text("dmesg.log", "[    0.000000] Linux version 6.8.0 (b@h) #1 SMP", "[    1.000000] x",
                        "[    0.000000] Linux version 6.8.0 (b@h) #1 SMP", DMESG_MF),
                text("trace.txt", TRACE_MF));
        assertEquals(2, events.stream().filter(MemoryFailure.class::isInstance).count());
    }
}
