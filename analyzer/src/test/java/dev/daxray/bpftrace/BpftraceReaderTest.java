package dev.daxray.bpftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;
import dev.daxray.events.Probe;

/** bpftrace text of both eras and -f json (reference trace-ndctl-formats.md §3), with the shipped mappings. */
class BpftraceReaderTest {

    private final List<Event> events = new ArrayList<>();

    private BpftraceReader read(BpftraceReader.Mode mode, String... lines) {
        BpftraceReader reader = new BpftraceReader(mode, BpftraceMappings.standard());
        Origin last = null;
        for (int i = 0; i < lines.length; i++) {
            last = new Origin("run.txt", 0, i + 1, i + 1, lines[i], null, 0, null, 0, null, null);
            assertTrue(reader.line(lines[i], last, events::add), lines[i]);
        }
        reader.finish(last, events::add);
        return reader;
    }

    @Test
    void recognisesBothNoticesAndJsonButNotPrintfOrDmesg() {
        assertEquals(Optional.of(BpftraceReader.Mode.TEXT), BpftraceReader.recognise("Attaching 3 probes..."));
        assertEquals(Optional.of(BpftraceReader.Mode.TEXT), BpftraceReader.recognise("Attached 1 probe"));
        assertEquals(Optional.of(BpftraceReader.Mode.JSON),
                BpftraceReader.recognise("{\"type\": \"attached_probes\", \"data\": {\"probes\": 3}}"));
        assertEquals(Optional.empty(), BpftraceReader.recognise("app pid=4321 pfn=0x219c200 type=13 result=3"));
        assertEquals(Optional.empty(), BpftraceReader.recognise("[    0.000000] Linux version 6.8.0"));
        assertEquals(Optional.empty(), BpftraceReader.recognise("{\"dev\":\"namespace0.0\",\"mode\":\"fsdax\"}"));
    }

    @Test
    void oneLinerOneMapsTheTracepointPrintf() {
        BpftraceReader reader = read(BpftraceReader.Mode.TEXT, "Attached 1 probe",
                "app pid=4321 pfn=0x219c200 type=13 result=3");
        MemoryFailure mf = (MemoryFailure) events.get(0);
        assertEquals(Hex.parse("0x219c200"), mf.pfn());
        assertEquals("13", mf.pageType(), "the raw enum number, kept as printed");
        assertEquals("Recovered", mf.result());
        assertEquals(2, mf.origin().line());
        assertEquals("bpftrace >= 0.24 text, 1 probes attached", reader.notes().get(0));
    }

    @Test
    void oneLinerTwoOldEraTextWithMapsAndAStackKey() {
        BpftraceReader reader = read(BpftraceReader.Mode.TEXT,
                "Attaching 5 probes...",
                "81234567012345 memory_failure pfn=0x219c200 flags=0x2 comm=app",
                "kprobe:dax_holder_notify_failure off=0x20000000 len=0x1000 mf=0x2",
                "kprobe:xfs_dax_notify_failure off=0x20000000 len=0x1000 mf=0x2",
                "kill_procs idx=512 cnt=1 mf=0x2",
                "something the script printed that no mapping knows",
                "Lost 17 events",
                "^C",
                "",
                "",
                "@ret[0]: 1",
                "@st[",
                "        mf_dax_kill_procs+0",
                "        xfs_dax_failure_fn+134",
                "        xfs_rmap_query_range+112",
                "]: 1",
                "");
        assertEquals(4, events.size());
        Probe kprobe = (Probe) events.get(0);
        assertEquals("kprobe:memory_failure", kprobe.probe());
        assertEquals("memory_failure", kprobe.function());
        assertEquals(Map.of("pfn", "0x219c200", "flags", "0x2", "comm", "app"), kprobe.args());
        assertEquals(81234567012L, kprobe.origin().micros(), "nsecs becomes the event's monotonic time");
        Probe holder = (Probe) events.get(1);
        assertEquals("dax_holder_notify_failure", holder.function());
        assertEquals("0x20000000", holder.args().get("off"));
        assertEquals("xfs_dax_notify_failure", ((Probe) events.get(2)).function());
        Probe kill = (Probe) events.get(3);
        assertEquals("mf_dax_kill_procs", kill.function());
        assertEquals("512", kill.args().get("idx"));
        assertEquals(1, reader.unmapped());
        assertEquals(List.of(new BpftraceReader.MapEntry("@ret", List.of("0"), "1"),
                new BpftraceReader.MapEntry("@st",
                        List.of("mf_dax_kill_procs+0;xfs_dax_failure_fn+134;xfs_rmap_query_range+112"), "1")),
                reader.maps());
        assertEquals("bpftrace <= 0.23 text, 5 probes attached, 17 events lost", reader.notes().get(0));
        assertEquals("printf lines: 5, 4 mapped to events, 1 not mapped (first: run.txt:6: something the script printed that no mapping knows)",
                reader.notes().get(1));
    }

    @Test
    void multiKeyMapsAndHistogramsAndStatsOfBothEras() {
        BpftraceReader reader = read(BpftraceReader.Mode.TEXT,
                "Attached 2 probes",
                "@res[tracepoint:fs_dax:dax_pte_fault_done, 2]: 1",
                "@res[tracepoint:fs_dax:dax_pte_fault_done, 256]: 41",
                "@m[kworker/3:1, 4321]: 2",
                "@t[(1, 2), x]: 3",
                "@s[app]: count 3, average 2, total 6",
                "@s2[app]: { .count = 3, .average = 2, .total = 6 }",
                "@x: 5",
                "@lat_us:",
                "[4, 8)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |",
                "[8, 16)                2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|",
                "[16, 32)               0 |                                                    |",
                "",
                "@sz[dax0.0]:",
                "(..., 0)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|",
                "[1K, 2K)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|",
                "[4096, ...)            1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|");
        List<BpftraceReader.MapEntry> maps = reader.maps();
        assertEquals(List.of("tracepoint:fs_dax:dax_pte_fault_done", "256"), maps.get(1).key());
        assertEquals("41", maps.get(1).value());
        assertEquals(List.of("kworker/3:1", "4321"), maps.get(2).key());
        assertEquals(List.of("(1, 2)", "x"), maps.get(3).key());
        assertEquals("count=3 average=2 total=6", maps.get(4).value());
        assertEquals(maps.get(4).value(), maps.get(5).value(), "both eras' stats read the same");
        assertEquals(new BpftraceReader.MapEntry("@x", List.of(), "5"), maps.get(6));
        assertEquals(2, reader.histograms().size());
        BpftraceReader.Histogram lat = reader.histograms().get(0);
        assertEquals("@lat_us", lat.map());
        assertEquals(List.of(new BpftraceReader.Bucket("[4, 8)", 1), new BpftraceReader.Bucket("[8, 16)", 2),
                new BpftraceReader.Bucket("[16, 32)", 0)), lat.buckets());
        assertEquals(List.of("dax0.0"), reader.histograms().get(1).key());
        assertEquals("(..., 0)", reader.histograms().get(1).buckets().get(0).label());
        assertEquals(0, reader.unmapped());
        assertTrue(events.isEmpty());
    }

    @Test
    void jsonOutputOfTheNewEra() {
        BpftraceReader reader = read(BpftraceReader.Mode.JSON,
                "{\"type\": \"attached_probes\", \"count\": 5, \"data\": {\"probes\": 5}}",
                "{\"type\": \"printf\", \"data\": \"81234567012345 memory_failure pfn=0x219c200 flags=0x2 comm=app\\n\"}",
                "{\"type\": \"printf\", \"data\": \"app pid=4321 pfn=0x219c200 \"}",
                "{\"type\": \"printf\", \"data\": \"type=13 result=1\\n\"}",
                "{\"type\": \"lost_events\", \"count\": 17, \"data\": {\"events\": 17}}",
                "{\"type\": \"map\", \"data\": {\"@ret\": {\"0\": 1}}}",
                "{\"type\": \"map\", \"data\": {\"@res\": {\"tracepoint:fs_dax:dax_pte_fault_done,256\": 41}}}",
                "{\"type\": \"map\", \"data\": {\"@st\": {\"\\nmf_dax_kill_procs+0\\nxfs_dax_failure_fn+134\\n\": 1}}}",
                "{\"type\": \"stats\", \"data\": {\"@s\": {\"count\": 2, \"average\": 6, \"total\": 12}}}",
                "{\"type\": \"hist\", \"data\": {\"@lat_us\": [{\"min\": 4, \"max\": 7, \"count\": 1}, {\"min\": 8, \"max\": 15, \"count\": 2}]}}",
                "{\"type\": \"hist\", \"data\": {\"@h\": {\"k\": [{\"max\": -1, \"count\": 1}, {\"min\": 0, \"max\": 0, \"count\": 2}, {\"min\": 100, \"count\": 3}]}}}",
                "{\"type\": \"time\", \"data\": \"12:01:33\\n\"}");
        assertEquals(2, events.size());
        assertEquals("kprobe:memory_failure", ((Probe) events.get(0)).probe());
        MemoryFailure mf = (MemoryFailure) events.get(1);
        assertEquals("Failed", mf.result(), "a printf split over two JSON records is one line");
        assertEquals(4, mf.origin().line(), "the record that ended the line");
        assertEquals(List.of("tracepoint:fs_dax:dax_pte_fault_done", "256"), reader.maps().get(1).key());
        assertEquals(List.of("mf_dax_kill_procs+0;xfs_dax_failure_fn+134"), reader.maps().get(2).key());
        assertEquals("count=2 average=6 total=12", reader.maps().get(3).value());
        assertEquals(List.of(new BpftraceReader.Bucket("[4, 8)", 1), new BpftraceReader.Bucket("[8, 16)", 2)),
                reader.histograms().get(0).buckets());
        assertEquals(List.of(new BpftraceReader.Bucket("(..., 0)", 1), new BpftraceReader.Bucket("[0]", 2),
                new BpftraceReader.Bucket("[100, ...)", 3)), reader.histograms().get(1).buckets());
        assertEquals("bpftrace >= 0.24 -f json, 5 probes attached, 17 events lost", reader.notes().get(0));
    }

    @Test
    void jsonOfTheOldEraWithItsBlankLinesAndANonJsonLine() {
        BpftraceReader reader = new BpftraceReader(BpftraceReader.Mode.JSON, BpftraceMappings.standard());
        Origin o = new Origin("run.json", 0, 1, 1, "x", null, 0, null, 0, null, null);
        assertTrue(reader.line("{\"type\": \"attached_probes\", \"data\": {\"probes\": 1}}", o, events::add));
        assertTrue(reader.line("", o, events::add));
        assertFalse(reader.line("^C", o, events::add), "not bpftrace JSON: the caller counts it unparsed");
        assertEquals("bpftrace <= 0.23 -f json, 1 probes attached", reader.notes().get(0));
    }

    @Test
    void mappingFilesReportEveryErrorWithPositionAndSuggestion() {
        BpftraceMappingException e = org.junit.jupiter.api.Assertions.assertThrows(BpftraceMappingException.class,
                () -> BpftraceMappings.parse("my.map", String.join("\n",
                        "# comment",
                        "memory-failur | pfn={pfn:hex}",
                        "memory-failure | pfn={pfnn:hex}",
                        "memory-failure | pfn={pfn:hexx}",
                        "memory-failure pfn={pfn:hex}")));
        assertEquals(String.join("\n",
                "my.map:2:1: unknown event type [memory-failur]; did you mean [memory-failure]?",
                "my.map:3:22: unknown field [pfnn] of memory-failure; fields: pfn, pageType, result; did you mean [pfn]?",
                "my.map:4:22: unknown kind [hexx]; allowed: text, word, hex, int, ns, enum(A,B,...); did you mean [hex]?",
                "my.map:5:1: expected [TYPE [FIELD=VALUE ...] | TEMPLATE], found no [ | ]"), e.getMessage());
    }

    @Test
    void userMappingsWithConstantsAndLiteralBraces() {
        BpftraceMappings mine = BpftraceMappings.parse("mine.map",
                "memory-failure result=Recovered | {{poison}} pfn {pfn:hex} {pageType}");
        Origin o = new Origin("run.txt", 0, 1, 1, "x", null, 0, null, 0, null, null);
        MemoryFailure mf = (MemoryFailure) mine.apply("{poison} pfn 0x1f dax page", o).orElseThrow();
        assertEquals(Hex.parse("0x1f"), mf.pfn());
        assertEquals("dax page", mf.pageType());
        assertEquals("Recovered", mf.result());
        assertEquals(Optional.empty(), mine.apply("{poison} pfn 31 dax page", o), "hex holes need 0x");
        assertNull(BpftraceMappings.standard().apply("kill_procs idx=x cnt=1 mf=0x2", o).orElse(null));
    }
}
