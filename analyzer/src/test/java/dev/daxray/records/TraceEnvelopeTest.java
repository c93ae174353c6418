package dev.daxray.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trace event lines and headers of every layout in reference trace-ndctl-formats.md §2. */
class TraceEnvelopeTest {

    private final EnvelopeParser parser = new EnvelopeParser();

    private static final String MF = "pfn 0x219c200: recovery action for dax page: Recovered";

    private void assertTrace(String line, String format, Long micros, String event, String body) {
        Envelope envelope = parser.parse(line);
        assertEquals(EnvelopeKind.TRACE, envelope.kind(), line);
        assertEquals(format, envelope.format(), line);
        assertEquals(micros, envelope.micros(), line);
        assertEquals(event, envelope.traceEvent(), line);
        assertEquals(body, line.substring(envelope.bodyStart()), line);
    }

    @Test
    void currentKernelLayoutWithFiveFlags() {
        assertTrace("             app-4321    [003] d..1. 81234.567530: memory_failure_event: " + MF,
                "ftrace", 81234567530L, "memory_failure_event", MF);
    }

    @Test
    void tgidColumnNumberedAndDashed() {
        assertTrace("           <...>-4321    (   4321) [003] d..1. 81234.567530: memory_failure_event: " + MF,
                "ftrace", 81234567530L, "memory_failure_event", MF);
        assertTrace("     kworker/3:1-219     (-------) [003] ..... 81234.566990: mce_record: CPU: 3, MCGc/s: 1000c14/5",
                "ftrace", 81234566990L, "mce_record", "CPU: 3, MCGc/s: 1000c14/5");
        assertTrace("           <...>-4321  (-----) [003] d..1 81234.567530: memory_failure_event: " + MF,
                "ftrace", 81234567530L, "memory_failure_event", MF);
    }

    @Test
    void oldKernelLayoutWithFourFlagsAndFiveDigitPid() {
        assertTrace("            bash-1234  [001] d..1 81234.567001: memory_failure_event: " + MF,
                "ftrace", 81234567001L, "memory_failure_event", MF);
    }

    @Test
    void irqInfoOffHasNoFlags() {
        assertTrace("            bash-1234    [001]  81234.567001: p_memory_failure_0: (memory_failure+0x0/0x5c0) pfn=0x219c200 flags=0x2",
                "ftrace", 81234567001L, "p_memory_failure_0", "(memory_failure+0x0/0x5c0) pfn=0x219c200 flags=0x2");
    }

    @Test
    void taskNamesWithSpacesDashesAndColons() {
        assertTrace("     Web Content-1234    [001] ..... 81234.567001: tracing_mark_write: hello",
                "ftrace", 81234567001L, "tracing_mark_write", "hello");
        assertTrace(" kworker/u16:3-events-219     [002] d.h1. 12.000001: mc_event: x",
                "ftrace", 12000001L, "mc_event", "x");
        assertTrace("          <idle>-0       [000] dNh2. 5.5: aer_event: y", "ftrace", 5500000L, "aer_event", "y");
    }

    @Test
    void functionTracerLineHasNoEventName() {
        assertTrace("             app-4321    [003] d..1. 81234.567001: memory_failure <-kill_me_maybe",
                "ftrace", 81234567001L, "function", "memory_failure <-kill_me_maybe");
    }

    @Test
    void functionGraphLines() {
        assertTrace(" 3)               |  memory_failure() {", "ftrace", null, "function_graph", "memory_failure() {");
        assertTrace(" 3) + 14.902 us   |  }", "ftrace", null, "function_graph", "}");
        assertTrace(" 3)   0.412 us    |    pfn_to_online_page();", "ftrace", null, "function_graph",
                "pfn_to_online_page();");
    }

    @Test
    void counterClockHasNoTime() {
        assertTrace("             app-4321    [003] d..1. 3466343829211: memory_failure_event: " + MF,
                "ftrace", null, "memory_failure_event", MF);
    }

    @Test
    void traceCmdBeforeAndAfter33PadsThePayload() {
        assertTrace("             app-4321  [003] 81234.567530: memory_failure_event: " + MF,
                "ftrace", 81234567530L, "memory_failure_event", MF);
        assertTrace("             app-4321  [003] d..1. 81234.567530: mce_record:           CPU: 3, MCGc/s: 1000c14/5",
                "ftrace", 81234567530L, "mce_record", "CPU: 3, MCGc/s: 1000c14/5");
        assertTrace("             app-4321  [003] 81234.567530123: memory_failure_event: " + MF,
                "ftrace", 81234567530L, "memory_failure_event", MF);
    }

    @Test
    void perfScriptKeepsTheSystemInTheEventName() {
        String line = "             app    4321 [003] 81234.567530: ras:memory_failure_event: " + MF;
        assertTrace(line, "perf script", 81234567530L, "ras:memory_failure_event", MF);
        assertEquals("memory_failure_event", parser.parse(line).traceEventName());
        assertTrace("     kworker/3:1     219 [003] 81234.566990:    mce:mce_record: CPU: 3",
                "perf script", 81234566990L, "mce:mce_record", "CPU: 3");
    }

    @Test
    void rasdaemonLinesCarryTheirWallClockNotTheBufferTime() {
        String line = "<...>-785   [000]     0.000024: memory_failure_event: 2020-10-02 13:27:13 -0400 pfn=0x204000000 page_type=free buddy page action_result=Delayed ";
        Envelope envelope = parser.parse(line);
        assertEquals(EnvelopeKind.TRACE, envelope.kind());
        assertEquals("rasdaemon", envelope.format());
        assertNull(envelope.micros());
        assertEquals("2020-10-02T13:27:13-04:00", envelope.wall());
        assertEquals("pfn=0x204000000 page_type=free buddy page action_result=Delayed ", line.substring(envelope.bodyStart()));
        String noColons = "           <...>-211   [002] d..1.     0.000129 arm_event 2024-07-11 09:50:45 +0000 affinity: -1";
        Envelope arm = parser.parse(noColons);
        assertEquals("arm_event", arm.traceEvent());
        assertEquals("2024-07-11T09:50:45+00:00", arm.wall());
        assertEquals("affinity: -1", noColons.substring(arm.bodyStart()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"# tracer: nop", "#", "# entries-in-buffer/entries-written: 3/3   #P:16",
            "#                                _-----=> irqs-off/BH-disabled",
            "#                               / _----=> need-resched",
            "#                              |||| /     delay",
            "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION",
            "#              | |         |   |||||     |         |",
            "#           TASK-PID       TGID    CPU#  |||||  TIMESTAMP  FUNCTION",
            "# CPU  DURATION                  FUNCTION CALLS", "# |     |   |                     |   |   |   |",
            "CPU:3 [LOST 1201 EVENTS]", "cpus=16", "version = 7", "CPU 5 is empty", "CPU:2 [112 EVENTS DROPPED]",
            "CPU:2 [EVENTS DROPPED]"})
    void headersAreTraceHeaders(String line) {
        Envelope envelope = parser.parse(line);
        assertEquals(EnvelopeKind.TRACE_HEADER, envelope.kind(), line);
        assertEquals(line.length(), envelope.bodyStart());
    }

    @ParameterizedTest
    @ValueSource(strings = {"# ndctl inject-error --block=1048576 namespace0.0", "# cat /sys/kernel/tracing/trace",
            "cpus=16 online", "1) see below | x", "foo-12 bar"})
    void shellPromptsAndProseStayBare(String line) {
        assertEquals(EnvelopeKind.BARE, parser.parse(line).kind(), line);
    }

    @Test
    void dmesgLinesAreUnchanged() {
        Envelope envelope = parser.parse("[ 1190.618980] Memory failure: 0x8e13f: recovery action for clean LRU page: Recovered");
        assertEquals(EnvelopeKind.DMESG, envelope.kind());
        assertNull(envelope.traceEvent());
    }
}
